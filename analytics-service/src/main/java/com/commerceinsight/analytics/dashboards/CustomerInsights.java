package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Customer Insights page: new against returning customers, over time and by region. */
public record CustomerInsights(
        @Schema(description = "customers whose first order ever was placed in the range (whatever became of it)") long newCustomers,
        @Schema(description = "orders placed in the range by customers who had ordered before") long returningCustomerOrders,
        @Schema(description = "returningCustomerOrders / (newCustomers + returningCustomerOrders), 0..1; null without orders")
        Double returningOrderShare,
        List<CustomerPeriod> periods,
        List<RegionCustomers> byRegion) {

    public record CustomerPeriod(LocalDate periodStart, long newCustomers, long returningCustomerOrders) {
    }

    public record RegionCustomers(
            String state, String country, long newCustomers,
            @Schema(description = "orders placed and not cancelled") long orders,
            BigDecimal netRevenue,
            @Schema(description = "netRevenue / orders; null without orders") BigDecimal averageOrderValue) {
    }
}
