package com.commerceinsight.analytics.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.events.TimeOrderedIds;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.commerceinsight.analytics.projection.OrderProjector;
import com.commerceinsight.analytics.projection.ProjectorByHandProfile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The purge deletes rows published before the cutoff and applied by the order projector, batch by batch, and never an
 * unpublished or unapplied row. The projector runs when the test says (ProjectorByHandProfile).
 */
@QuarkusTest
@TestProfile(ProjectorByHandProfile.class)
class OutboxPurgeTest {

    private static final LocalDateTime NOW = LocalDateTime.now(java.time.ZoneOffset.UTC);

    @Inject
    OutboxWriter writer;

    @Inject
    OutboxPurge purge;

    @Inject
    DataSource dataSource;

    @Inject
    OrderProjector projector;

    @Test
    void rowsPublishedBeforeTheCutoffLeaveInBatchesAndTheRestStay() throws Exception {
        List<OrderEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(OrderEvent.of(TimeOrderedIds.next(), Instant.parse("2030-01-01T00:00:00Z"), 700L + i, 70_000 + i,
                    new OrderStatusChanged("approved", "pending", new BigDecimal("1.00"))));
        }
        QuarkusTransaction.requiringNew().run(() -> writer.appendAll(events));
        projector.projectRound();
        // Three published long ago, one published recently, one never published (however old its event).
        setPublishedAt(events.get(0), NOW.minusDays(30));
        setPublishedAt(events.get(1), NOW.minusDays(20));
        setPublishedAt(events.get(2), NOW.minusDays(8));
        setPublishedAt(events.get(3), NOW.minusDays(1));

        long deleted = purge.purgePublishedBefore(NOW.minusDays(7), 2);

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        assertThat(remaining(events)).containsExactlyInAnyOrder(events.get(3).eventId().toString(), events.get(4).eventId().toString());
    }

    @Test
    void rowsTheProjectorHasNotAppliedStay() throws Exception {
        OrderEvent event = OrderEvent.of(TimeOrderedIds.next(), Instant.parse("2030-01-01T00:00:00Z"), 800L, 80_000,
                new OrderStatusChanged("approved", "pending", new BigDecimal("1.00")));
        QuarkusTransaction.requiringNew().run(() -> writer.append(event));
        setPublishedAt(event, NOW.minusDays(30));

        purge.purgePublishedBefore(NOW.minusDays(7), 2);
        assertThat(remaining(List.of(event))).containsExactly(event.eventId().toString());

        projector.projectRound();
        purge.purgePublishedBefore(NOW.minusDays(7), 2);
        assertThat(remaining(List.of(event))).isEmpty();
    }

    private void setPublishedAt(OrderEvent event, LocalDateTime at) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE commerce.outbox_event SET published_at = ? WHERE event_id = ?")) {
            update.setTimestamp(1, Timestamp.valueOf(at));
            update.setString(2, event.eventId().toString());
            assertThat(update.executeUpdate()).isOne();
        }
    }

    private List<String> remaining(List<OrderEvent> events) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT event_id FROM commerce.outbox_event WHERE event_id = ?")) {
            for (OrderEvent event : events) {
                query.setString(1, event.eventId().toString());
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }
}
