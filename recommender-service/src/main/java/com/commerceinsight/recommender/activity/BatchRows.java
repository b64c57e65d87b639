package com.commerceinsight.recommender.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.commerceinsight.recommender.events.OrderEvent;
import com.commerceinsight.recommender.events.OrderPlaced;

/**
 * The rows a batch of events touches, read up front with one query per table (in chunks), so applying an event
 * issues no query of its own: a batch of hundreds of events costs a few round trips instead of several per event.
 * Only the rows the batch can change are read (its customers' activity, and their order days and products that the
 * batch's orders name), not every row of its customers: a customer's whole history would be loaded, tracked and
 * dirty-checked by Hibernate for nothing, at a cost that grows with the history.
 */
final class BatchRows {

    /** Keys per query: at most 1,000 customers and 1,000 products or days, well under SQL Server's 2,100 parameters. */
    private static final int CHUNK = 1_000;

    private final Map<Long, CustomerActivity> activities = new HashMap<>();
    private final Set<CustomerOrderDay.Key> orderDays = new HashSet<>();
    private final Map<CustomerItem.Key, CustomerItem> items = new HashMap<>();

    private BatchRows() {
    }

    static BatchRows load(Collection<OrderEvent> events) {
        Set<Long> customers = new LinkedHashSet<>();
        Set<CustomerOrderDay.Key> days = new LinkedHashSet<>();
        Set<CustomerItem.Key> products = new LinkedHashSet<>();
        for (OrderEvent event : events) {
            if (event.customerId() == null) {
                continue;
            }
            customers.add(event.customerId());
            if (event.data() instanceof OrderPlaced placed) {
                days.add(new CustomerOrderDay.Key(event.customerId(), ActivityDeltas.utc(placed.orderedAt()).toLocalDate()));
                placed.lines().forEach(line -> products.add(new CustomerItem.Key(event.customerId(), line.productId())));
            }
        }
        BatchRows rows = new BatchRows();
        for (List<Long> chunk : chunks(new ArrayList<>(customers))) {
            for (CustomerActivity activity : CustomerActivity.<CustomerActivity>list("customerId in ?1", chunk)) {
                rows.activities.put(activity.customerId, activity);
            }
        }
        // customer in (…) and day in (…) reads a superset of the wanted pairs; the extra rows are harmless.
        for (List<CustomerOrderDay.Key> chunk : chunks(sorted(days, CustomerOrderDay.Key::customerId))) {
            for (CustomerOrderDay day : CustomerOrderDay.<CustomerOrderDay>list("customerId in ?1 and orderDay in ?2",
                    distinct(chunk, CustomerOrderDay.Key::customerId), distinct(chunk, CustomerOrderDay.Key::orderDay))) {
                rows.orderDays.add(new CustomerOrderDay.Key(day.customerId, day.orderDay));
            }
        }
        for (List<CustomerItem.Key> chunk : chunks(sorted(products, CustomerItem.Key::customerId))) {
            for (CustomerItem item : CustomerItem.<CustomerItem>list("customerId in ?1 and productId in ?2",
                    distinct(chunk, CustomerItem.Key::customerId), distinct(chunk, CustomerItem.Key::productId))) {
                rows.items.put(new CustomerItem.Key(item.customerId, item.productId), item);
            }
        }
        return rows;
    }

    /** Keys ordered by customer, so a chunk names few customers. */
    private static <K> List<K> sorted(Set<K> keys, Function<K, Long> customer) {
        List<K> list = new ArrayList<>(keys);
        list.sort(Comparator.comparing(customer));
        return list;
    }

    private static <K> List<List<K>> chunks(List<K> keys) {
        List<List<K>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static <K, V> List<V> distinct(List<K> keys, Function<K, V> part) {
        return keys.stream().map(part).distinct().toList();
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

    /** The customer's row for a product: the stored one, or a new one (persisted by the caller). */
    CustomerItem item(long customerId, long productId) {
        return items.computeIfAbsent(new CustomerItem.Key(customerId, productId), key -> CustomerItem.empty(customerId, productId));
    }
}
