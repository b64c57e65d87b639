package com.commerceinsight.prediction.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a batch of events touches, read up front with one query per table (in chunks), so applying an event
 * issues no query of its own: a batch of hundreds of events costs a few round trips instead of several per event.
 */
final class BatchRows {

    /** Customers per IN list: well under SQL Server's 2,100 parameters. */
    private static final int CHUNK = 1_000;

    private final Map<Long, CustomerActivity> activities = new HashMap<>();
    private final Set<CustomerOrderDay.Key> orderDays = new HashSet<>();

    private BatchRows() {
    }

    static BatchRows load(Collection<Long> customerIds) {
        BatchRows rows = new BatchRows();
        List<Long> ids = new ArrayList<>(customerIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (CustomerActivity activity : CustomerActivity.<CustomerActivity>list("customerId in ?1", chunk)) {
                rows.activities.put(activity.customerId, activity);
            }
            for (CustomerOrderDay day : CustomerOrderDay.<CustomerOrderDay>list("customerId in ?1", chunk)) {
                rows.orderDays.add(new CustomerOrderDay.Key(day.customerId, day.orderDay));
            }
        }
        return rows;
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
