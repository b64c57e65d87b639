package com.commerceinsight.segmentation.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hibernate.Session;

import com.commerceinsight.segmentation.events.OrderEvent;
import com.commerceinsight.segmentation.events.OrderPlaced;

/**
 * The rows a batch of events touches, read up front by primary key, so applying an event issues no query of its
 * own: a batch of hundreds of events costs a few round trips instead of several per event. By key through
 * Hibernate's findMultiple rather than HQL "in" queries: an HQL query with a list parameter is translated anew for
 * every list length, which made the translation the larger part of this consumer's CPU time, while a multi-load
 * builds its SQL without HQL (on H2 one statement with an array parameter, elsewhere fixed-size batches).
 */
final class BatchRows {

    private final Map<Long, CustomerActivity> activities = new HashMap<>();
    private final Set<CustomerOrderDay.Key> orderDays = new HashSet<>();

    private BatchRows() {
    }

    /** The stored activity of the events' customers and the stored order days their new orders fall on. */
    static BatchRows load(Collection<OrderEvent> events) {
        Set<Long> customers = new LinkedHashSet<>();
        Set<CustomerOrderDay.Key> days = new LinkedHashSet<>();
        for (OrderEvent event : events) {
            if (event.customerId() == null) {
                continue;
            }
            customers.add(event.customerId());
            if (event.data() instanceof OrderPlaced placed) {
                days.add(new CustomerOrderDay.Key(event.customerId(), ActivityDeltas.utc(placed.orderedAt()).toLocalDate()));
            }
        }
        BatchRows rows = new BatchRows();
        for (CustomerActivity activity : stored(CustomerActivity.class, customers)) {
            rows.activities.put(activity.customerId, activity);
        }
        for (CustomerOrderDay day : stored(CustomerOrderDay.class, days)) {
            rows.orderDays.add(new CustomerOrderDay.Key(day.customerId, day.orderDay));
        }
        return rows;
    }

    /** The rows of {@code type} with these ids that exist. */
    static <T> List<T> stored(Class<T> type, Collection<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return CustomerActivity.getEntityManager().unwrap(Session.class).findMultiple(type, new ArrayList<>(ids)).stream()
                .filter(Objects::nonNull).toList();
    }

    /** The customer's activity: the stored row, or a new empty one (persisted by the caller). */
    CustomerActivity activity(long customerId) {
        return activities.computeIfAbsent(customerId, CustomerActivity::empty);
    }

    /** Records an order day; true when the customer had no order on that date yet. */
    boolean markOrderDay(long customerId, LocalDate orderDay) {
        if (!orderDays.add(new CustomerOrderDay.Key(customerId, orderDay))) {
            return false;
        }
        CustomerOrderDay day = new CustomerOrderDay();
        day.customerId = customerId;
        day.orderDay = orderDay;
        day.persist();
        return true;
    }
}
