package com.commerceinsight.segmentation.segments;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.rfm.RfmScores;

/** The response bodies of the segments API. */
public final class SegmentViews {

    private SegmentViews() {
    }

    @Schema(description = "The active model and its segments")
    public record ModelSegments(long modelId, LocalDateTime trainedAt,
            @Schema(description = "The training snapshot time (UTC)") LocalDateTime snapshotAt,
            @Schema(description = "Number of segments, chosen inside the business range by silhouette and Davies–Bouldin") int k,
            @Schema(description = "Mean silhouette of the chosen k (-1 to 1, higher is better separated)") double silhouette,
            List<SegmentView> segments) {
    }

    @Schema(description = "A segment: its profile at training time and how many customers are in it now")
    public record SegmentView(
            @Schema(description = "Customers in the segment now, after real-time reassignments") long currentCustomers,
            SegmentProfile profile) {
    }

    @Schema(description = "A customer's segment, features and distance to every centroid")
    public record CustomerSegmentView(long customerId,
            @Schema(description = "Null when the customer has no order to segment on") Integer segmentId,
            String segmentName,
            @Schema(description = "Euclidean distance to the segment's centroid in the standardised feature space") Double distance,
            @Schema(description = "The reference time of the features (UTC): the snapshot, or the customer's latest order event") LocalDateTime assessedAt,
            @Schema(description = "The features at assessedAt, in their own units") Map<Feature, Double> features,
            @Schema(description = "Distance to every centroid, nearest first") List<CentroidDistance> distances,
            @Schema(description = "The customer's RFM scores at assessedAt and their cell of the RFM segment map; null without "
                    + "an order, or with a model trained before the map existed") RfmScores rfm) {
    }

    public record CentroidDistance(int segmentId, String name, double distance) {
    }

    @Schema(description = "A sample of customers projected on the model's two principal axes, for a scatter plot coloured by segment")
    public record Projection(long modelId,
            @Schema(description = "Share of the variance on each axis") double[] explainedVariance,
            List<ProjectedCustomer> points) {
    }

    public record ProjectedCustomer(long customerId, int segmentId, double x, double y) {
    }
}
