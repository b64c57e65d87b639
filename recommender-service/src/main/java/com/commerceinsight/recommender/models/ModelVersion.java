package com.commerceinsight.recommender.models;

import java.time.LocalDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A trained model version: parameters, report, training window and the model itself as bytes. Times are UTC. */
@Entity
@Table(schema = "recommender", name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    @Id
    public String id;

    public String algorithm;

    @Lob
    @Column(name = "params_json")
    public String paramsJson;

    @Lob
    @Column(name = "report_json")
    public String reportJson;

    public LocalDateTime cutoff;

    @Column(name = "trained_until")
    public LocalDateTime trainedUntil;

    public int customers;

    public int products;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    public boolean active;

    @Column(name = "activated_at")
    public LocalDateTime activatedAt;

    /** Loaded only when serving needs it: listing versions must not pull megabytes of factors. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "model_bytes")
    public byte[] modelBytes;
}
