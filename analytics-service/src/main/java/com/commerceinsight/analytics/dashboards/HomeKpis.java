package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Home page: the shop's headline figures for the filtered orders. */
public record HomeKpis(
        @Schema(description = "orders placed in the range and not cancelled") long orders,
        @Schema(description = "order totals of those orders; refunds are shown apart") BigDecimal netRevenue,
        @Schema(description = "units on those orders") long unitsSold,
        @Schema(description = "netRevenue / orders; null without orders") BigDecimal averageOrderValue,
        @Schema(description = "customers whose first order ever was placed in the range") long newCustomers,
        @Schema(description = "orders placed in the range by customers who had ordered before") long returningCustomerOrders,
        @Schema(description = "orders placed in the range that are now cancelled") long cancelledOrders,
        @Schema(description = "cancelled / placed orders, 0..1; null without orders") Double cancellationRate,
        @Schema(description = "payment attempts now refunded, of orders placed in the range") long refundedPayments,
        @Schema(description = "their amount") BigDecimal refundedAmount,
        @Schema(description = "succeeded / (succeeded + failed) payment attempts, 0..1; null without either; "
                + "not narrowed by the category filter (a payment pays a whole order)") Double paymentSuccessRate) {
}
