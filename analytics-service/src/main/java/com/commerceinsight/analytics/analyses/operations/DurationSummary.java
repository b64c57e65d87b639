package com.commerceinsight.analytics.analyses.operations;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Distribution of a waiting time in days (fractional: 36 hours = 1.5)")
public record DurationSummary(
        @Schema(description = "Orders measured") long orders,
        @Schema(description = "Mean in days; null without orders") Double averageDays,
        @Schema(description = "Median in days") Double medianDays,
        @Schema(description = "90th percentile in days (nearest rank)") Double p90Days,
        @Schema(description = "Orders per whole number of days (floor); the last bucket holds that many days or more") List<DayBucket> histogram) {

    public record DayBucket(@Schema(description = "Whole days") int days, @Schema(description = "True for the open last bucket") boolean orMore,
            long orders) {
    }
}
