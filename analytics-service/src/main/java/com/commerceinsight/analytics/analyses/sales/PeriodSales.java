package com.commerceinsight.analytics.analyses.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Sales of one period; periods without sales are listed with zeros")
public record PeriodSales(
        @Schema(description = "First day of the period (a Monday for weeks, the 1st for months)") LocalDate periodStart,
        @Schema(description = "Sales orders placed in the period") long orders,
        @Schema(description = "Their total amounts") BigDecimal revenue,
        @Schema(description = "Revenue / orders; null for a period without orders") BigDecimal averageOrderValue,
        @Schema(description = "Revenue from the first listed period up to and including this one") BigDecimal runningRevenue,
        @Schema(description = "(revenue - previous period's revenue) / previous period's revenue, e.g. 0.25 = +25 % "
                + "(month-over-month growth for months); null for the first period or after a period without revenue")
        Double growthOverPreviousPeriod) {
}
