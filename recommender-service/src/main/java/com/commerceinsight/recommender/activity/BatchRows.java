package com.commerceinsight.recommender.activity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.commerceinsight.recommender.events.OrderEvent;
import com.commerceinsight.recommender.events.OrderPlaced;

/**
 * What a batch of events changes, gathered in memory and written in one statement per table ({@link ActivityRows}, {@link ItemRows}):
 * per customer the delta of their activity (the change from an empty activity, see {@link CustomerActivity#empty}) and
 * of each product they bought,
 * and which of the batch's order days are new to the customer. Nothing is read back: the stored rows never leave the
 * database, so a batch costs the same few round trips whatever it holds.
 */
final class BatchRows {

    private final Map<Long, CustomerActivity> deltas = new HashMap<>();
    private final Map<CustomerItem.Key, CustomerItem> items = new HashMap<>();
    private final Set<CustomerOrderDay.Key> newOrderDays;

    private BatchRows(Set<CustomerOrderDay.Key> newOrderDays) {
        this.newOrderDays = new HashSet<>(newOrderDays);
    }

    /** Stores the order days of the events' new orders that were not stored yet, and starts empty deltas. */
    static BatchRows start(Connection connection, Collection<OrderEvent> events) throws SQLException {
        Set<CustomerOrderDay.Key> days = new LinkedHashSet<>();
        for (OrderEvent event : events) {
            if (event.customerId() != null && event.data() instanceof OrderPlaced placed) {
                days.add(new CustomerOrderDay.Key(event.customerId(), ActivityDeltas.utc(placed.orderedAt()).toLocalDate()));
            }
        }
        return new BatchRows(ActivityRows.addOrderDays(connection, days));
    }

    /** The change to the customer's activity so far in this batch. */
    CustomerActivity activity(long customerId) {
        return deltas.computeIfAbsent(customerId, CustomerActivity::empty);
    }

    /** True, once per batch, when the customer had no order on that date before this batch. */
    boolean markOrderDay(long customerId, LocalDate orderDay) {
        return newOrderDays.remove(new CustomerOrderDay.Key(customerId, orderDay));
    }

    /** The change to what the customer bought of the product so far in this batch. */
    CustomerItem item(long customerId, long productId) {
        return items.computeIfAbsent(new CustomerItem.Key(customerId, productId), key -> CustomerItem.empty(customerId, productId));
    }

    /** Adds the deltas to the stored activity and item rows. */
    void write(Connection connection) throws SQLException {
        ActivityRows.addDeltas(connection, deltas.values());
        ItemRows.addDeltas(connection, items.values());
    }
}
