package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Sales Overview page: net sales over time and by category, region and payment method (cancelled orders left out). */
public record SalesOverview(List<SalesPeriod> periods, List<CategorySales> byCategory, List<RegionSales> byRegion,
                            List<MethodSales> byPaymentMethod) {

    public record SalesPeriod(
            @Schema(description = "first day of the period") LocalDate periodStart,
            @Schema(description = "orders placed in the period and not cancelled") long orders,
            long units,
            BigDecimal netRevenue,
            @Schema(description = "net revenue from the first period shown up to this one") BigDecimal runningNetRevenue,
            @Schema(description = "netRevenue / previous period's - 1; null for the first period or after an empty one")
            Double growthOverPreviousPeriod) {
    }

    public record CategorySales(
            long categoryId,
            @Schema(description = "null for products without a category (categoryId 0)") String categoryName,
            @Schema(description = "orders with a line in the category") long orders,
            @Schema(description = "units of the category's lines") long units,
            @Schema(description = "revenue of the category's lines") BigDecimal netRevenue) {
    }

    public record RegionSales(String state, String country, long orders, BigDecimal netRevenue) {
    }

    public record MethodSales(@Schema(description = "method of the order's first payment attempt") String paymentMethod,
                              long orders, BigDecimal netRevenue) {
    }
}
