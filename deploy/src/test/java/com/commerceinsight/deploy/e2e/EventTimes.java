package com.commerceinsight.deploy.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order events' times as analytics-service wrote them to the outbox (UTC), the zero of every freshness figure. */
final class EventTimes {

    private EventTimes() {
    }

    /** The latest event time in the outbox now: events after it are the ones a later phase caused. */
    static LocalDateTime latest(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT MAX(occurred_at) FROM commerce.outbox_event"); ResultSet rs = s.executeQuery()) {
            rs.next();
            LocalDateTime latest = rs.getObject(1, LocalDateTime.class);
            return latest != null ? latest : LocalDateTime.of(2000, 1, 1, 0, 0);
        }
    }

    /** An OrderPlaced event: its id and time. */
    record Placed(String eventId, Instant at) {
    }

    /** Customer id (the message key) to their OrderPlaced event after {@code since}: for customers with one such event. */
    static Map<Long, Placed> orderPlacedByCustomer(Connection db, LocalDateTime since) throws SQLException {
        Map<Long, Placed> byCustomer = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT message_key, event_id, occurred_at FROM commerce.outbox_event "
                + "WHERE occurred_at > ? AND event_type = 'OrderPlaced'")) {
            s.setTimestamp(1, Timestamp.valueOf(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byCustomer.put(Long.parseLong(rs.getString(1)), new Placed(rs.getString(2), utc(rs.getObject(3, LocalDateTime.class))));
                }
            }
        }
        return byCustomer;
    }

    /**
     * For every OrderPlaced after {@code since}, the milliseconds from its event time to the order projector's claim
     * of it (projected_at, set as the round that applied it ends, just before that round commits).
     */
    static List<Long> projectedAfter(Connection db, LocalDateTime since) throws SQLException {
        List<Long> millis = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT occurred_at, projected_at FROM commerce.outbox_event "
                + "WHERE occurred_at > ? AND event_type = 'OrderPlaced' AND projected_at IS NOT NULL")) {
            s.setTimestamp(1, Timestamp.valueOf(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    millis.add(Duration.between(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)).toMillis());
                }
            }
        }
        return millis;
    }

    static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    /** Event id to event time, for the events after {@code since}. */
    static Map<String, Instant> byEventId(Connection db, LocalDateTime since) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT event_id, occurred_at FROM commerce.outbox_event WHERE occurred_at > ?")) {
            s.setTimestamp(1, Timestamp.valueOf(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), utc(rs.getObject(2, LocalDateTime.class)));
                }
            }
        }
        return times;
    }
}
