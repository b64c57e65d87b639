package com.commerceinsight.segmentation.segments;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.commerceinsight.segmentation.features.Feature;

/** A segment as the training snapshot saw it. */
@Schema(description = "A segment of the active model, profiled on the training snapshot")
public record SegmentProfile(
        @Schema(description = "Stable id: a retrained model gives the nearest segment of the previous model the same id") int segmentId,
        @Schema(description = "Business name from the centroid (rules in the README)") String name,
        @Schema(description = "Customers in the segment at training time") int customers,
        @Schema(description = "Share of the segmented customers, 0 to 1") double customerShare,
        @Schema(description = "Mean days since the last order, at the snapshot") double meanRecencyDays,
        @Schema(description = "Mean number of orders not cancelled") double meanFrequency,
        @Schema(description = "Mean total spend of orders not cancelled") double meanMonetary,
        @Schema(description = "Share of all segmented customers' spend that this segment's customers made, 0 to 1") double revenueShare,
        @Schema(description = "The centroid in the features' own units (log scaling and standardising undone)") Map<Feature, Double> centroid) {
}
