package com.commerceinsight.prediction.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The commerce histories of the customers this replica's order events touch, kept in memory, so that rescoring a
 * customer after an event reads only the orders the event names (the order, its lines, payments and returns: four
 * statements per batch) instead of their whole history (seven statements over every order, line, payment, session,
 * review and wishlist entry they ever had). A customer seen for the first time, or forgotten, is read whole.
 * <p>
 * What keeps a kept history equal to the commerce tables: an order event names its order, and every change to an
 * order (placement, status, payments) comes with an event for it; those orders are read again from the tables, so a
 * kept history holds what the tables hold about them at the time of the batch (never what the event says). The facts
 * that reach the tables without an order event (reviews, wishlist entries, sessions, returns, imported orders) are
 * picked up when the history is read whole again: each entry is dropped
 * {@code prediction.serving.history-cache.max-age} after it was read whole, and all are dropped when this replica's
 * share of the order partitions changes (another replica may have applied this customer's events meanwhile).
 * <p>
 * Only the order event consumer uses it, one batch at a time, so a kept history is changed by one thread.
 */
@ApplicationScoped
public class EventHistories {

    /** Look-ups by result: hit (the kept history, refreshed by order) or miss (read whole). */
    public static final String REQUESTS_METRIC = "prediction.event.history.cache.requests";

    private final Cache<Long, CustomerHistory> histories;
    private final Counter hits;
    private final Counter misses;

    public EventHistories(ServingConfig config, MeterRegistry metrics) {
        this.histories = Caffeine.newBuilder()
                .maximumWeight(config.historyCache().maxFacts())
                .<Long, CustomerHistory>weigher((customer, history) -> history.factCount())
                .expireAfter(readWholeAgo(config.historyCache().maxAge()))
                .build();
        this.hits = metrics.counter(REQUESTS_METRIC, "result", "hit");
        this.misses = metrics.counter(REQUESTS_METRIC, "result", "miss");
    }

    /**
     * The current histories of the given customers (those without any order are left out), each with the orders its
     * events named read afresh.
     *
     * @param ordersByCustomer per customer, the orders their events in this batch are about
     */
    public Map<Long, CustomerHistory> current(Connection connection, Map<Long, Set<Long>> ordersByCustomer) throws SQLException {
        CommerceHistoryReader reader = new CommerceHistoryReader(connection);
        Map<Long, CustomerHistory> current = new LinkedHashMap<>();
        List<Long> unknown = new ArrayList<>();
        List<Long> changedOrders = new ArrayList<>();
        Map<Long, CustomerHistory> kept = new HashMap<>();
        ordersByCustomer.forEach((customer, orders) -> {
            CustomerHistory history = histories.getIfPresent(customer);
            if (history == null) {
                unknown.add(customer);
            } else {
                kept.put(customer, history);
                changedOrders.addAll(orders);
            }
        });
        hits.increment(kept.size());
        misses.increment(unknown.size());
        Map<Long, CustomerHistory> changed = reader.readOrders(changedOrders);
        Map<Long, CustomerHistory> read = reader.read(unknown);
        for (Map.Entry<Long, Set<Long>> entry : ordersByCustomer.entrySet()) {
            long customer = entry.getKey();
            CustomerHistory history = kept.get(customer);
            if (history != null) {
                history.replaceOrders(entry.getValue(), changed.get(customer));
                histories.put(customer, history); // its weight changed; its age does not (readWholeAgo)
            } else {
                history = read.get(customer);
                if (history != null) {
                    histories.put(customer, history);
                }
            }
            if (history != null && !history.orders().isEmpty()) {
                current.put(customer, history);
            }
        }
        return current;
    }

    /** Forgets every kept history: this replica's share of the order partitions changed. */
    public void forgetAll() {
        histories.invalidateAll();
    }

    /** Ages an entry from when it was read whole: refreshing some of its orders keeps it no longer. */
    private static Expiry<Long, CustomerHistory> readWholeAgo(Duration maxAge) {
        long nanos = maxAge.toNanos();
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(Long customer, CustomerHistory history, long currentTime) {
                return nanos;
            }

            @Override
            public long expireAfterUpdate(Long customer, CustomerHistory history, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(Long customer, CustomerHistory history, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
