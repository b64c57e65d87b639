package com.commerceinsight.recommender.activity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;

/**
 * What a batch of events adds to its customers' bought items, gathered in memory and written by {@link ItemRows}: per
 * customer and product the change from no row (see {@link CustomerItem#empty}). Only an order placed adds, and nothing
 * takes away: a cancelled order still shows interest in what it held. Nothing is read back, so one customer's orders
 * arriving in any order add up to the same rows.
 */
public final class BatchItems {

    private final Map<CustomerItem.Key, CustomerItem> deltas = new HashMap<>();

    /** Counts the order's products for its customer; other events, and sales without a customer, add nothing. */
    public void add(OrderEvent event) {
        if (event.customerId() == null || !(event.data() instanceof OrderPlaced placed)) {
            return;
        }
        long customerId = event.customerId();
        LocalDateTime orderedAt = LocalDateTime.ofInstant(placed.orderedAt(), ZoneOffset.UTC);
        Map<Long, Integer> quantityByProduct = placed.lines().stream()
                .collect(Collectors.groupingBy(OrderPlaced.Line::productId, Collectors.summingInt(OrderPlaced.Line::quantity)));
        quantityByProduct.forEach((productId, quantity) -> deltas
                .computeIfAbsent(new CustomerItem.Key(customerId, productId), key -> CustomerItem.empty(customerId, productId))
                .addOrder(quantity, orderedAt));
    }

    /** Adds the deltas to the stored rows. */
    public void write(Connection connection) throws SQLException {
        ItemRows.addDeltas(connection, deltas.values());
    }
}
