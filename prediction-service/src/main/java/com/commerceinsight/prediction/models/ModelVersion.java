package com.commerceinsight.prediction.models;

import java.time.LocalDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One trained model in the registry. JSON columns hold what is read whole and never queried into. Times UTC. */
@Entity
@Table(schema = "prediction", name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String algorithm;

    /** The XGBoost parameters and rounds, JSON. */
    public String parameters;

    /** The names of the columns the model takes, in order, JSON. */
    public String features;

    /** The fitted {@code FeaturePreprocessor}, JSON. */
    public String preprocessing;

    public double threshold;

    @Column(name = "train_cutoff")
    public LocalDateTime trainCutoff;

    @Column(name = "test_cutoff")
    public LocalDateTime testCutoff;

    @Column(name = "horizon_days")
    public int horizonDays;

    @Column(name = "cv_roc_auc")
    public Double cvRocAuc;

    @Column(name = "test_roc_auc")
    public Double testRocAuc;

    /** The whole {@code ModelEvaluation}, JSON. */
    public String evaluation;

    /**
     * The fitted {@code Calibrator}, JSON with its {@code method}; applied to every probability served. Null on versions
     * trained before calibration existed: those serve the booster's probability as it is.
     */
    public String calibration;

    /**
     * The booster in XGBoost's JSON model format: megabytes for a forest, loaded only when serving needs it
     * ({@link ModelRegistry#booster}), so listing or showing versions does not read it.
     */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    public byte[] model;

    public boolean active;

    @Column(name = "training_job_id")
    public String trainingJobId;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    public static java.util.Optional<ModelVersion> findActive() {
        return find("active = true").firstResultOptional();
    }
}
