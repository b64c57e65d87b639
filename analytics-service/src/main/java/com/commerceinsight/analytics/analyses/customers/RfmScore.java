package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A customer's recency, frequency and monetary value, and their quintile scores 1-5 (5 = best)")
public record RfmScore(long customerId,
        @Schema(description = "Days from the last sale to the reference day") long recencyDays,
        @Schema(description = "Sales orders before the reference day") long frequency,
        @Schema(description = "Their total amounts") BigDecimal monetary,
        @Schema(description = "1 + floor(5 x share of customers with a LONGER recency); ties share a score") int recencyScore,
        @Schema(description = "1 + floor(5 x share of customers with FEWER orders)") int frequencyScore,
        @Schema(description = "1 + floor(5 x share of customers who spent LESS)") int monetaryScore) {
}
