package com.commerceinsight.analytics.orders;

import java.util.List;
import java.util.Map;

/**
 * Which status changes an order and a payment may make. An order moves forward through its life and may be
 * cancelled until it ships; delivered and cancelled are final. A failed or refunded payment is final; a
 * succeeded one may only be refunded.
 */
final class OrderStatusRules {

    private static final List<String> ORDER_FLOW = List.of("created", "pending", "processing", "approved", "invoiced", "shipped", "delivered");

    private static final Map<String, List<String>> PAYMENT_NEXT = Map.of(
            "pending", List.of("succeeded", "failed"),
            "succeeded", List.of("refunded"),
            "failed", List.of(),
            "refunded", List.of());

    private OrderStatusRules() {
    }

    static boolean orderMayMove(String from, String to) {
        if (from.equals("delivered") || from.equals("cancelled")) {
            return false;
        }
        if (to.equals("cancelled")) {
            return !from.equals("shipped");
        }
        int fromIndex = ORDER_FLOW.indexOf(from);
        int toIndex = ORDER_FLOW.indexOf(to);
        return fromIndex >= 0 && toIndex > fromIndex;
    }

    static boolean paymentMayMove(String from, String to) {
        return PAYMENT_NEXT.getOrDefault(from, List.of()).contains(to);
    }
}
