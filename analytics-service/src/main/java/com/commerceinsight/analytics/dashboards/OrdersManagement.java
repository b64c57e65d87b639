package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Orders Management page: where the orders stand, cancellations, and how payments went. */
public record OrdersManagement(
        @Schema(description = "orders placed in the range, whatever their status") long placedOrders,
        long cancelledOrders,
        @Schema(description = "cancelled / placed, 0..1; null without orders") Double cancellationRate,
        @Schema(description = "placed orders by their status now") List<StatusCount> byStatus,
        List<OrderPeriod> periods,
        @Schema(description = "payment attempts of those orders by their own method and current status; "
                + "not narrowed by the category filter") List<PaymentOutcome> payments) {

    public record StatusCount(String status, long orders) {
    }

    public record OrderPeriod(LocalDate periodStart, long placedOrders, long cancelledOrders) {
    }

    public record PaymentOutcome(
            String paymentMethod, long pending, long succeeded, long failed, long refunded,
            @Schema(description = "succeeded / (succeeded + failed), 0..1; null without either") Double successRate,
            BigDecimal succeededAmount, BigDecimal refundedAmount) {
    }
}
