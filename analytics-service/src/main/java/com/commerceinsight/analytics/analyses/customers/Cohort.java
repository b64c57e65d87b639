package com.commerceinsight.analytics.analyses.customers;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One row of the cohort retention matrix")
public record Cohort(
        @Schema(description = "Month of the cohort's first sales order (first day of the month)") LocalDate cohortMonth,
        @Schema(description = "Customers whose first sale falls in that month") long customers,
        @Schema(description = "Element k: share of the cohort with a sale in month cohortMonth + k (element 0 is 1.0); "
                + "up to the last month with data") List<Double> activeShareByMonthOffset) {
}
