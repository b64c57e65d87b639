package com.commerceinsight.prediction.scoring;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A customer's latest repurchase score and the feature vector behind it, rewritten on each of their order events (or
 * written on the first request for a customer no event has touched yet). Times UTC.
 */
@Entity
@Table(schema = "prediction", name = "customer_score")
public class CustomerScore extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    @Column(name = "model_version_id")
    public long modelVersionId;

    public double probability;

    @Column(name = "predicted_repurchase")
    public boolean predictedRepurchase;

    /** The full feature vector the score was computed from, JSON (name to value; null for missing). */
    public String features;

    /** The dates the clock-dependent features count from (TimeAnchors, JSON); null on rows written before it existed. */
    @Column(name = "time_anchors")
    public String timeAnchors;

    /** The cutoff the features were computed at. */
    @Column(name = "as_of")
    public LocalDateTime asOf;

    @Column(name = "scored_at")
    public LocalDateTime scoredAt;
}
