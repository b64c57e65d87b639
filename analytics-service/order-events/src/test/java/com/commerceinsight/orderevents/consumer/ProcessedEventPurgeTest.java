package com.commerceinsight.orderevents.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge of idempotency records on a real SQL engine (H2 in MSSQLServer mode, as the services run it). */
class ProcessedEventPurgeTest {

    private static final LocalDateTime CUTOFF = LocalDateTime.parse("2024-03-01T00:00:00");

    private Connection db;
    private final ProcessedEventPurge purge = new ProcessedEventPurge(null, "shop_consumer", Duration.ofDays(30), 2);

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
    void recordsClaimedBeforeTheCutoffLeaveInBatchesAndLaterOnesStay() throws Exception {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(insert(CUTOFF.minusDays(1 + i)));
        }
        String atCutoff = insert(CUTOFF);
        String recent = insert(CUTOFF.plusHours(1));

        long deleted = purge.purgeBefore(db, CUTOFF, 2);

        assertThat(deleted).isEqualTo(5);
        assertThat(remaining()).containsExactlyInAnyOrder(atCutoff, recent);
        assertThat(purge.purgeBefore(db, CUTOFF, 2)).as("nothing left to purge").isZero();
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> ProcessedEventPurge.deleteBatchSql("x; DROP TABLE y")).isInstanceOf(IllegalArgumentException.class);
    }

    private String insert(LocalDateTime processedAt) throws Exception {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO shop_consumer.processed_event VALUES (?, 'OrderPlaced', ?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.valueOf(processedAt.minusMinutes(1)));
            insert.setTimestamp(3, Timestamp.valueOf(processedAt));
            insert.executeUpdate();
        }
        return id;
    }

    private List<String> remaining() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT event_id FROM shop_consumer.processed_event")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
