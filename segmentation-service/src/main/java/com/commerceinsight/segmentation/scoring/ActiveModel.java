package com.commerceinsight.segmentation.scoring;

import java.time.LocalDateTime;

import com.commerceinsight.segmentation.clustering.Centroids;
import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.models.ModelDefinition;
import com.commerceinsight.segmentation.rfm.RfmScores;

/** The active model, parsed once: assigns a customer's summary to the nearest centroid. */
public record ActiveModel(long id, LocalDateTime snapshotAt, ModelDefinition definition) {

    /** A customer's segment and distances at the reference time. */
    public record Assignment(int segmentId, String name, double distance, double[] distances) {
    }

    /**
     * What a customer's row holds of their assessment by a model at a reference time. Without an order to segment on
     * (see {@link PurchaseSummary#segmentable}) there is no segment, distance or RFM square; the model and the time are
     * kept all the same, so the time a later event assesses at never goes back.
     */
    public record Assessment(long modelId, LocalDateTime at, Integer segmentId, Double distance, Integer rfmRecency,
            Integer rfmFrequencyMonetary) {
    }

    /**
     * The one rule every writer of customer rows follows (an event batch, an activation after training, an explicit
     * activation), so that a row does not depend on which of them wrote it last.
     */
    public Assessment assess(PurchaseSummary summary, LocalDateTime at) {
        if (!summary.segmentable()) {
            return new Assessment(id, at, null, null, null, null);
        }
        Assignment assignment = assign(summary, at);
        RfmScores scores = rfm(summary, at);
        return new Assessment(id, at, assignment.segmentId(), assignment.distance(),
                scores == null ? null : scores.recencyScore(), scores == null ? null : scores.frequencyMonetaryScore());
    }

    public Assignment assign(PurchaseSummary summary, LocalDateTime at) {
        double[] point = definition.scaler().standardize(summary.values(definition.scaler().features(), at));
        double[] distances = Centroids.distances(point, definition.centroids());
        int nearest = Centroids.nearest(point, definition.centroids());
        return new Assignment(definition.segmentIds()[nearest], definition.names().get(nearest), distances[nearest], distances);
    }

    /** The customer's RFM scores against the model's quintiles; null without an order or on a model without quintiles. */
    public RfmScores rfm(PurchaseSummary summary, LocalDateTime at) {
        return definition.rfm() == null ? null : definition.rfm().score(summary, at);
    }

    public double[] standardize(PurchaseSummary summary, LocalDateTime at) {
        return definition.scaler().standardize(summary.values(definition.scaler().features(), at));
    }
}
