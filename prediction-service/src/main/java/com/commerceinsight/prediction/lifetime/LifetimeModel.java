package com.commerceinsight.prediction.lifetime;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One fitted pair of BG/NBD and Gamma-Gamma models; at most one is active (the database keeps it so). Times UTC. */
@Entity
@Table(schema = "prediction", name = "lifetime_model")
public class LifetimeModel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "bg_nbd_r")
    public double bgNbdR;

    /** Days. */
    @Column(name = "bg_nbd_alpha")
    public double bgNbdAlpha;

    @Column(name = "bg_nbd_a")
    public double bgNbdA;

    @Column(name = "bg_nbd_b")
    public double bgNbdB;

    /** Null (the three of them) when Gamma-Gamma was not fitted. */
    @Column(name = "gamma_gamma_p")
    public Double gammaGammaP;

    @Column(name = "gamma_gamma_q")
    public Double gammaGammaQ;

    /** In the shop's currency. */
    @Column(name = "gamma_gamma_v")
    public Double gammaGammaV;

    @Column(name = "train_cutoff")
    public LocalDateTime trainCutoff;

    @Column(name = "test_cutoff")
    public LocalDateTime testCutoff;

    @Column(name = "horizon_days")
    public int horizonDays;

    @Column(name = "test_roc_auc")
    public Double testRocAuc;

    /** The whole {@link LifetimeEvaluation}, JSON. */
    public String evaluation;

    public boolean active;

    @Column(name = "training_job_id")
    public String trainingJobId;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    public BgNbdModel bgNbd() {
        return new BgNbdModel(bgNbdR, bgNbdAlpha, bgNbdA, bgNbdB);
    }

    /** Null when Gamma-Gamma was not fitted. */
    public GammaGammaModel gammaGamma() {
        return gammaGammaP == null ? null : new GammaGammaModel(gammaGammaP, gammaGammaQ, gammaGammaV);
    }
}
