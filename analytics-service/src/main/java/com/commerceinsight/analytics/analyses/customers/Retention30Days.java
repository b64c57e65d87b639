package com.commerceinsight.analytics.analyses.customers;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "30-day retention of the customers whose first sale falls in the date range")
public record Retention30Days(
        @Schema(description = "Customers whose first-ever sales order falls in the range") long customers,
        @Schema(description = "Of them, those whose second sales order came at most 30 days (720 hours) after the first") long retained,
        @Schema(description = "retained / customers; null without customers") Double share,
        @Schema(description = "Of them, those with a single sales order so far") long oneOrderCustomers) {
}
