package com.commerceinsight.orderevents.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.commerceinsight.orderevents.OrderEvent;

/**
 * Claims a batch's events in the service's {@code processed_event} table: one JDBC batch of conditional inserts, whose
 * update counts say which events were new (1) and which had been applied before (0). The check and the idempotency
 * record are one statement per event in one round trip, instead of a select of the known ids and an insert per new
 * one. Two replicas claiming the same event at once (only during a rebalance) collide on the primary key; the losing
 * transaction is retried and then sees the event as applied. processed_at is when the batch claimed the event, not
 * when its effects were committed.
 */
@Singleton
public final class ProcessedEvents {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String claim;

    /**
     * For the processed_event table of {@code schema}, the consuming service's own (a plain lower-case identifier: it is
     * written into the SQL).
     */
    @Inject
    public ProcessedEvents(@ConfigProperty(name = "order-events.consumer.schema") String schema) {
        this.claim = claimSql(schema);
    }

    private static String claimSql(String schema) {
        requirePlainSchema(schema);
        return "INSERT INTO " + schema + ".processed_event (event_id, event_type, occurred_at, processed_at) "
                + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + schema + ".processed_event WHERE event_id = ?)";
    }

    /** The schema name is written into the SQL, so it must be a plain lower-case identifier. */
    static void requirePlainSchema(String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: '" + schema + "'");
        }
    }

    /** Records the events as processed now (UTC, to the millisecond, the schema's precision); see below. */
    public List<OrderEvent> claim(Connection connection, List<OrderEvent> events) throws SQLException {
        return claim(connection, events, LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Records the events as processed at {@code now} (UTC), in the caller's transaction; returns those not processed
     * before, in order. An id repeated inside the batch is claimed once.
     */
    public List<OrderEvent> claim(Connection connection, List<OrderEvent> events, LocalDateTime now) throws SQLException {
        Set<UUID> seen = new HashSet<>();
        List<OrderEvent> distinct = events.stream().filter(event -> seen.add(event.eventId())).toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        int[] inserted;
        try (PreparedStatement statement = connection.prepareStatement(claim)) {
            Timestamp processedAt = Timestamp.valueOf(now);
            for (OrderEvent event : distinct) {
                String eventId = event.eventId().toString();
                statement.setString(1, eventId);
                statement.setString(2, event.eventType());
                statement.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC)));
                statement.setTimestamp(4, processedAt);
                statement.setString(5, eventId);
                statement.addBatch();
            }
            inserted = statement.executeBatch();
        }
        List<OrderEvent> fresh = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            if (inserted[i] > 0) {
                fresh.add(distinct.get(i));
            }
        }
        return fresh;
    }

}
