package com.commerceinsight.analytics.imports.olist;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The item price and freight sums of each order, gathered from the order items file before the orders are
 * written (an order row carries its total). The full Olist set has about 100k orders: small enough to hold.
 */
final class OrderTotals {

    private record Sums(BigDecimal price, BigDecimal freight) {
    }

    private static final Sums NONE = new Sums(BigDecimal.ZERO, BigDecimal.ZERO);

    private final Map<String, Sums> byOrder = new HashMap<>();

    void add(OlistOrderItem item) {
        byOrder.merge(item.orderId(), new Sums(item.price(), item.freight()),
                (a, b) -> new Sums(a.price().add(b.price()), a.freight().add(b.freight())));
    }

    /** Whether any item of the order was found. */
    boolean hasItems(String orderId) {
        return byOrder.containsKey(orderId);
    }

    /** The sum of the order's item prices; 0 when none of its items was found. */
    BigDecimal price(String orderId) {
        return byOrder.getOrDefault(orderId, NONE).price();
    }

    /** The sum of the order's item freights; 0 when none of its items was found. */
    BigDecimal freight(String orderId) {
        return byOrder.getOrDefault(orderId, NONE).freight();
    }
}
