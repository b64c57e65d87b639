package com.commerceinsight.recommender.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.commerceinsight.recommender.events.OrderEvent;

/**
 * Claims a batch's events in {@code processed_event}: one JDBC batch of conditional inserts, whose update counts say
 * which events were new (1) and which had been applied before (0). The check and the idempotency record are one
 * statement per event in one round trip, instead of a select of the known ids and an entity insert per new one. Two
 * replicas claiming the same event at once (only during a rebalance) collide on the primary key; the losing
 * transaction is retried and then sees the event as applied.
 */
final class ProcessedEvents {

    private static final String CLAIM = "INSERT INTO recommender.processed_event (event_id, event_type, occurred_at, processed_at) "
            + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM recommender.processed_event WHERE event_id = ?)";

    private ProcessedEvents() {
    }

    /** Records the events (distinct ids) as processed at {@code now}; returns those not processed before, in order. */
    static List<OrderEvent> claim(Connection connection, List<OrderEvent> events, LocalDateTime now) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        int[] inserted;
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            Timestamp processedAt = Timestamp.valueOf(now);
            for (OrderEvent event : events) {
                String eventId = event.eventId().toString();
                claim.setString(1, eventId);
                claim.setString(2, event.eventType());
                claim.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC)));
                claim.setTimestamp(4, processedAt);
                claim.setString(5, eventId);
                claim.addBatch();
            }
            inserted = claim.executeBatch();
        }
        List<OrderEvent> fresh = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (inserted[i] > 0) {
                fresh.add(events.get(i));
            }
        }
        return fresh;
    }
}
