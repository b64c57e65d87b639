package com.commerceinsight.segmentation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.rfm.RfmScores;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A customer's purchase summary, as the commerce tables held it at featuresAsOf (read again by every order event of
 * the customer and by every activation), and current segment. segmentId is null while the customer has no order to
 * segment on.
 */
@Entity
@Table(schema = "segmentation", name = "customer_segment")
public class CustomerSegment extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    @Column(name = "model_id")
    public Long modelId;

    @Column(name = "segment_id")
    public Integer segmentId;

    /** Distance to the segment's centroid, standardised space. */
    public Double distance;

    public int orders;

    public BigDecimal spend;

    @Column(name = "first_order_at")
    public LocalDateTime firstOrderAt;

    @Column(name = "last_order_at")
    public LocalDateTime lastOrderAt;

    public int sessions;

    /** When the summary was read from the commerce tables: every order committed by then is in it. */
    @Column(name = "features_as_of")
    public LocalDateTime featuresAsOf;

    /** The reference time of the features behind the current segment. */
    @Column(name = "assessed_at")
    public LocalDateTime assessedAt;

    /**
     * The customer's square of the RFM map at assessedAt against its model's quintiles (recency score, and the combined
     * frequency-monetary score, 1-5 each), kept with the segment so that the map is a count in the database rather
     * than every customer scored per request. Null without an order, and on rows assessed before the squares were kept.
     */
    @Column(name = "rfm_recency")
    public Integer rfmRecency;

    @Column(name = "rfm_frequency_monetary")
    public Integer rfmFrequencyMonetary;

    /** Keeps the customer's square of the RFM map (null scores: none). */
    public void keepRfm(RfmScores scores) {
        rfmRecency = scores == null ? null : scores.recencyScore();
        rfmFrequencyMonetary = scores == null ? null : scores.frequencyMonetaryScore();
    }

    /** Holds the assessment: model, reference time, segment, distance and RFM square. */
    public void hold(ActiveModel.Assessment assessment) {
        modelId = assessment.modelId();
        assessedAt = assessment.at();
        segmentId = assessment.segmentId();
        distance = assessment.distance();
        rfmRecency = assessment.rfmRecency();
        rfmFrequencyMonetary = assessment.rfmFrequencyMonetary();
    }

    public PurchaseSummary summary() {
        return stored(customerId, orders, spend, firstOrderAt, lastOrderAt, sessions);
    }

    /** A summary as a row holds it: what {@link #summary()} gives back for these columns. */
    public static PurchaseSummary stored(long customerId, int orders, BigDecimal spend, LocalDateTime firstOrderAt,
            LocalDateTime lastOrderAt, int sessions) {
        return new PurchaseSummary(customerId, orders, spend.doubleValue(), firstOrderAt, lastOrderAt, sessions);
    }

    /** The spend as the row stores it: to the cent. */
    public static BigDecimal storedSpend(double spend) {
        return BigDecimal.valueOf(spend).setScale(2, RoundingMode.HALF_UP);
    }

    public void setSummary(PurchaseSummary summary) {
        orders = summary.orders();
        spend = storedSpend(summary.spend());
        firstOrderAt = summary.firstOrderAt();
        lastOrderAt = summary.lastOrderAt();
        sessions = summary.sessions();
    }
}
