package com.commerceinsight.analytics.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.events.TimeOrderedIds;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox's JDBC path: rows written in one batch come back in id order, and only the marked rows leave. */
@QuarkusTest
class OutboxStoreTest {

    @Inject
    OutboxWriter writer;

    @Inject
    OutboxStore store;

    @Inject
    ObjectMapper json;

    @Test
    void rowsWrittenInOneBatchAreReadInOrderAndOnlyTheMarkedOnesLeave() throws Exception {
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        List<OrderEvent> events = List.of(
                OrderEvent.of(TimeOrderedIds.next(), at, 901L, 90_001, new OrderStatusChanged("approved", "pending", new BigDecimal("10.00"))),
                OrderEvent.of(TimeOrderedIds.next(), at, null, 90_002, new OrderStatusChanged("shipped", "approved", new BigDecimal("20.00"))),
                OrderEvent.of(TimeOrderedIds.next(), at, 903L, 90_003, new OrderStatusChanged("cancelled", "pending", new BigDecimal("30.00"))));
        QuarkusTransaction.requiringNew().run(() -> writer.appendAll(events));

        List<OutboxMessage> mine = mine(events);
        assertThat(mine).extracting(OutboxMessage::eventId)
                .containsExactly(events.stream().map(e -> e.eventId().toString()).toArray(String[]::new));
        assertThat(mine).extracting(OutboxMessage::id).isSorted().doesNotHaveDuplicates();
        assertThat(mine).extracting(OutboxMessage::messageKey).containsExactly("901", "anonymous", "903");
        assertThat(mine).extracting(OutboxMessage::eventType).containsOnly("OrderStatusChanged");
        assertThat(json.readTree(mine.get(1).payload()).get("orderId").asLong()).isEqualTo(90_002);

        store.markPublished(List.of(mine.get(0).id(), mine.get(2).id()));

        assertThat(mine(events)).extracting(OutboxMessage::eventId).containsExactly(events.get(1).eventId().toString());
    }

    @Test
    void theRowsSentButNotMarkedAreLeftOutOfTheNextRead() {
        Instant at = Instant.parse("2024-05-02T10:00:00Z");
        List<OrderEvent> events = List.of(
                OrderEvent.of(TimeOrderedIds.next(), at, 911L, 91_001, new OrderStatusChanged("approved", "pending", new BigDecimal("10.00"))),
                OrderEvent.of(TimeOrderedIds.next(), at, 912L, 91_002, new OrderStatusChanged("approved", "pending", new BigDecimal("20.00"))),
                OrderEvent.of(TimeOrderedIds.next(), at, 913L, 91_003, new OrderStatusChanged("approved", "pending", new BigDecimal("30.00"))));
        QuarkusTransaction.requiringNew().run(() -> writer.appendAll(events));
        List<OutboxMessage> mine = mine(events);
        List<Long> sent = List.of(mine.get(0).id(), mine.get(2).id());

        List<String> unsent = store.nextUnpublished(1_000_000, sent).stream().map(OutboxMessage::eventId)
                .filter(id -> mine.stream().anyMatch(row -> row.eventId().equals(id))).toList();

        assertThat(unsent).containsExactly(mine.get(1).eventId());
        // Left out of the read, not marked: without the list they are still waiting.
        assertThat(mine(events)).hasSize(3);
    }

    /** This test's unpublished rows (other tests leave theirs unpublished too: the relay is off in tests). */
    private List<OutboxMessage> mine(List<OrderEvent> events) {
        List<String> ids = events.stream().map(e -> e.eventId().toString()).toList();
        return store.nextUnpublished(1_000_000).stream().filter(row -> ids.contains(row.eventId())).toList();
    }
}
