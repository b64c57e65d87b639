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
