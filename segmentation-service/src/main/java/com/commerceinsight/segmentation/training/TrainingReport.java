package com.commerceinsight.segmentation.training;

import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.commerceinsight.segmentation.clustering.KScore;
import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.segments.SegmentProfile;

/** What a training run found, kept with its job and its model. */
@Schema(description = "The result of a training run")
public record TrainingReport(
        long modelId,
        @Schema(description = "Features are computed from orders and sessions at or before this time (UTC)") LocalDateTime snapshotAt,
        @Schema(description = "Customers segmented: those with at least one order not cancelled by the snapshot") int customers,
        @Schema(description = "Customers with only sessions or cancelled orders: kept, not segmented") int customersWithoutOrders,
        List<Feature> features,
        @Schema(description = "Features log1p-transformed because they were skewed") List<Feature> loggedFeatures,
        @Schema(description = "The k chosen inside the business range (businessMinK to businessMaxK) by silhouette and "
                + "Davies–Bouldin together: the smallest sum of the two ranks") int chosenK,
        @Schema(description = "The k with the highest silhouette over every k tried, business range or not") int unconstrainedK,
        int businessMinK,
        int businessMaxK,
        @Schema(description = "Silhouette, Davies–Bouldin and inertia of every k tried") List<KScore> scores,
        @Schema(description = "True when silhouette was computed on a sample of silhouetteSampleSize customers") boolean silhouetteSampled,
        int silhouetteSampleSize,
        @Schema(description = "Centroids were fit on a sample of at most this many customers, then every customer assigned") int fitSampleSize,
        List<SegmentProfile> segments,
        @Schema(description = "Share of the variance carried by each of the two PCA axes of the projection") double[] projectionExplainedVariance,
        long durationMillis) {
}
