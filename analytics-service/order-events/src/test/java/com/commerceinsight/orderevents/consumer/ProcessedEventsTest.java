package com.commerceinsight.orderevents.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderStatusChanged;

/** The idempotent claim on a real SQL engine (H2 in MSSQLServer mode, as the services run it). */
class ProcessedEventsTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2024-03-02T10:00:00");

    private Connection db;
    private final ProcessedEvents processed = new ProcessedEvents("shop_consumer");

    @BeforeEach
    void createTable() throws Exception {
        db = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MSSQLServer");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA shop_consumer");
            s.execute("CREATE TABLE shop_consumer.processed_event (event_id NVARCHAR(36) PRIMARY KEY, event_type NVARCHAR(40) NOT NULL, "
                    + "occurred_at DATETIME2 NOT NULL, processed_at DATETIME2 NOT NULL)");
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aBatchIsClaimedOnceAndARepeatInsideItCountsOnce() throws Exception {
        OrderEvent a = event();
        OrderEvent b = event();
        assertThat(processed.claim(db, List.of(a, b, a), NOW)).containsExactly(a, b);
        assertThat(processed.claim(db, List.of(b, a), NOW.plusSeconds(1))).isEmpty();
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aBatchMixingAppliedAndNewEventsReturnsOnlyTheNewInOrder() throws Exception {
        OrderEvent old = event();
        processed.claim(db, List.of(old), NOW);
        OrderEvent first = event();
        OrderEvent second = event();
        assertThat(processed.claim(db, List.of(first, old, second), NOW.plusSeconds(1))).containsExactly(first, second);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT event_type, occurred_at, processed_at FROM shop_consumer.processed_event WHERE event_id = '" + old.eventId() + "'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("OrderStatusChanged");
            assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2024-03-01T09:15:00.250"));
            assertThat(rs.getObject(3, LocalDateTime.class)).isEqualTo(NOW); // the first claim's time stays
        }
    }

    @Test
    void onlyAPlainSchemaNameIsWrittenIntoTheStatement() {
        assertThatThrownBy(() -> new ProcessedEvents("x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderEvent event() {
        return OrderEvent.of(UUID.randomUUID(), java.time.Instant.parse("2024-03-01T09:15:00.250Z"), 7L, 1,
                new OrderStatusChanged("cancelled", "pending", java.math.BigDecimal.TEN));
    }

    private long rows() throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shop_consumer.processed_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
