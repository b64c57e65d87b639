package com.commerceinsight.segmentation.segments;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A segment of a model with its profile at training time. */
@Entity
@Table(schema = "segmentation", name = "segment")
@IdClass(Segment.Key.class)
public class Segment extends PanacheEntityBase {

    /** The composite key (model, segment). */
    public static class Key implements Serializable {
        public Long modelId;
        public Integer segmentId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(modelId, key.modelId)
                    && Objects.equals(segmentId, key.segmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, segmentId);
        }
    }

    @Id
    @Column(name = "model_id")
    public Long modelId;

    @Id
    @Column(name = "segment_id")
    public Integer segmentId;

    public String name;

    public int customers;

    @Column(name = "mean_recency_days")
    public double meanRecencyDays;

    @Column(name = "mean_frequency")
    public double meanFrequency;

    @Column(name = "mean_monetary")
    public double meanMonetary;

    @Column(name = "revenue_share")
    public double revenueShare;

    public static Segment of(long modelId, SegmentProfile profile) {
        Segment segment = new Segment();
        segment.modelId = modelId;
        segment.segmentId = profile.segmentId();
        segment.name = profile.name();
        segment.customers = profile.customers();
        segment.meanRecencyDays = profile.meanRecencyDays();
        segment.meanFrequency = profile.meanFrequency();
        segment.meanMonetary = profile.meanMonetary();
        segment.revenueShare = profile.revenueShare();
        return segment;
    }
}
