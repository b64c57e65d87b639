package com.commerceinsight.prediction.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.events.MalformedEventException;
import com.commerceinsight.prediction.events.OrderEvent;
import com.commerceinsight.prediction.events.OrderEventParser;
import com.commerceinsight.prediction.events.SampleEvents;
import com.commerceinsight.prediction.events.SampleEvents.Line;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The order events consumer on the real (H2) schema, without a broker: each event id claimed once in processed_event
 * whatever the order and repetition of delivery, and records that cannot be processed dead-lettered. The rescoring that
 * follows a claim needs an active model; RepurchaseModelsTest covers it.
 */
@QuarkusTest
class OrderEventConsumerTest {

    @Inject
    EventBatchApplier applier;

    @Inject
    OrderEventConsumer consumer;

    @Inject
    CapturedDeadLetters deadLetters;

    /** A processed_event row without its id. */
    record Claim(String eventType, LocalDateTime occurredAt, LocalDateTime processedAt) {
    }

    /** An event as sent, with the type and UTC time its processed_event row must carry. */
    record Sent(UUID eventId, String eventType, String occurredAt, String message) {
    }

    @Test
    void sameEventTwiceIsClaimedOnce() {
        UUID eventId = UUID.randomUUID();
        String placed = SampleEvents.orderPlaced(eventId, 1001L, 1001, "2024-03-01T09:15:00+02:00", "pending", "20.00",
                List.of(new Line(11, 1, "20.00")), List.of("succeeded"));
        apply(placed);
        Claim once = claims(List.of(eventId)).get(eventId);

        nextMillisecond();
        apply(placed);
        apply(placed, placed);

        assertThat(claims(List.of(eventId))).containsExactly(Map.entry(eventId, once));
        assertThat(once.eventType()).isEqualTo("OrderPlaced");
        assertThat(once.occurredAt()).isEqualTo(LocalDateTime.parse("2024-03-01T07:15:00")); // UTC
    }

    @Test
    void eventsDeliveredInAnyOrderAndRepeatedAreEachClaimedOnce() {
        List<Sent> inOrder = realisticMix(2001);
        apply(messages(inOrder));

        List<Sent> reversed = new ArrayList<>(realisticMix(2002));
        Collections.reverse(reversed);
        reversed.forEach(sent -> apply(sent.message())); // one transaction per event
        apply(messages(reversed)); // the whole lot redelivered

        List<Sent> shuffled = new ArrayList<>(realisticMix(2003));
        Collections.shuffle(shuffled, new Random(7));
        List<Sent> first = shuffled.subList(0, 4);
        List<Sent> second = new ArrayList<>(shuffled.subList(2, 8)); // repeats two events of the first batch
        second.add(shuffled.get(6)); // and one of its own
        apply(messages(first));
        nextMillisecond();
        apply(messages(second));

        for (List<Sent> sent : List.of(inOrder, reversed, shuffled)) {
            assertThat(withoutProcessedAt(claims(ids(sent)))).isEqualTo(expectedClaims(sent));
        }
        Map<UUID, Claim> claims = claims(ids(shuffled));
        LocalDateTime firstBatch = claims.get(first.get(0).eventId()).processedAt();
        LocalDateTime secondBatch = claims.get(shuffled.get(7).eventId()).processedAt();
        assertThat(secondBatch).isAfter(firstBatch);
        for (int i = 0; i < shuffled.size(); i++) {
            assertThat(claims.get(shuffled.get(i).eventId()).processedAt()).as("event %d", i).isEqualTo(i < 4 ? firstBatch : secondBatch);
        }
    }

    @Test
    void anonymousSaleIsRecordedAsProcessed() {
        UUID eventId = UUID.randomUUID();

        apply(SampleEvents.orderPlaced(eventId, null, 4001, "2024-03-01T09:15:30.250Z", "pending", "9.99",
                List.of(new Line(11, 1, "9.99")), List.of("succeeded")));

        Claim claim = claims(List.of(eventId)).get(eventId);
        assertThat(claim.eventType()).isEqualTo("OrderPlaced");
        assertThat(claim.occurredAt()).isEqualTo(LocalDateTime.parse("2024-03-01T09:15:30.250"));
        assertThat(claim.processedAt()).isAfter(claim.occurredAt());
    }

    @Test
    void poisonRecordsGoToDeadLettersAndTheRestIsApplied() {
        UUID firstId = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        UUID lastId = UUID.randomUUID();
        List<String> values = List.of(
                SampleEvents.orderPlaced(firstId, 5001L, 5001, "2024-03-01T09:00:00Z", "pending", "10.00",
                        List.of(new Line(11, 1, "10.00")), List.of("succeeded")),
                "{\"eventId\": ",
                // A contract event this service cannot store: its time, moved to UTC, is past the last year a
                // date-time holds. It fails on its own.
                SampleEvents.orderPlaced(poisonId, 5002L, 5002, "+999999999-12-31T23:00:00-18:00", "pending", "10.00",
                        List.of(new Line(11, 1, "10.00")), List.of("pending")),
                SampleEvents.orderPlaced(lastId, 5001L, 5003, "2024-03-02T09:00:00Z", "pending", "5.00",
                        List.of(new Line(12, 1, "5.00")), List.of("succeeded")));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < values.size(); offset++) {
            records.add(new ConsumerRecord<>("commerce.orders.v1", 0, 100 + offset, "5001", values.get(offset)));
        }
        deadLetters.sent().clear();

        consumer.consume(new ConsumerRecords<>(Map.of(new TopicPartition("commerce.orders.v1", 0), records), Map.of()));

        assertThat(deadLetters.sent()).extracting(CapturedDeadLetters.DeadLetter::offset).containsExactly(101L, 102L);
        assertThat(deadLetters.sent().get(0).reason()).startsWith("not JSON");
        assertThat(deadLetters.sent().get(1).value()).contains(poisonId.toString());
        assertThat(deadLetters.sent().get(1).reason()).contains("DateTimeException");
        assertThat(claims(List.of(firstId, poisonId, lastId))).containsOnlyKeys(firstId, lastId);
    }

    /** Three orders of one customer over two UTC days, with a failed then succeeded payment and a cancellation. */
    private static List<Sent> realisticMix(long customerId) {
        long order = customerId * 10;
        List<Sent> sent = new ArrayList<>();
        UUID id = UUID.randomUUID();
        sent.add(new Sent(id, "OrderPlaced", "2024-03-01T09:15:00", SampleEvents.orderPlaced(id, customerId, order + 1,
                "2024-03-01T09:15:00Z", "pending", "120.50", List.of(new Line(11, 2, "50.25"), new Line(12, 1, "20.00")),
                List.of("pending"))));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "PaymentStatusChanged", "2024-03-01T09:20:00", SampleEvents.paymentStatusChanged(id, customerId,
                order + 1, "2024-03-01T09:20:00Z", 1, "120.50", "failed", "pending")));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "PaymentStatusChanged", "2024-03-01T09:30:00", SampleEvents.paymentStatusChanged(id, customerId,
                order + 1, "2024-03-01T09:30:00Z", 2, "120.50", "succeeded", null)));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "OrderPlaced", "2024-03-01T22:40:00", SampleEvents.orderPlaced(id, customerId, order + 2,
                "2024-03-01T22:40:00Z", "pending", "35.00", List.of(new Line(11, 1, "35.00")), List.of("succeeded"))));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "OrderPlaced", "2024-03-04T12:00:00", SampleEvents.orderPlaced(id, customerId, order + 3,
                "2024-03-04T12:00:00Z", "pending", "80.00", List.of(new Line(13, 3, "26.666")), List.of("pending"))));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "OrderStatusChanged", "2024-03-04T13:00:00", SampleEvents.orderStatusChanged(id, customerId,
                order + 3, "2024-03-04T13:00:00Z", "cancelled", "pending", "80.00")));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "PaymentStatusChanged", "2024-03-04T13:00:00", SampleEvents.paymentStatusChanged(id, customerId,
                order + 3, "2024-03-04T13:00:00Z", 1, "80.00", "failed", "pending")));
        id = UUID.randomUUID();
        sent.add(new Sent(id, "OrderStatusChanged", "2024-03-06T10:00:00", SampleEvents.orderStatusChanged(id, customerId,
                order + 1, "2024-03-06T10:00:00Z", "delivered", "pending", "120.50")));
        return sent;
    }

    private static String[] messages(List<Sent> sent) {
        return sent.stream().map(Sent::message).toArray(String[]::new);
    }

    private static List<UUID> ids(List<Sent> sent) {
        return sent.stream().map(Sent::eventId).toList();
    }

    private static Map<UUID, Claim> expectedClaims(List<Sent> sent) {
        return sent.stream().collect(Collectors.toMap(Sent::eventId,
                s -> new Claim(s.eventType(), LocalDateTime.parse(s.occurredAt()), null)));
    }

    private static Map<UUID, Claim> withoutProcessedAt(Map<UUID, Claim> claims) {
        return claims.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new Claim(e.getValue().eventType(), e.getValue().occurredAt(), null)));
    }

    private void apply(String... messages) {
        List<OrderEvent> events = new ArrayList<>();
        for (String message : messages) {
            try {
                events.add(OrderEventParser.parse(message));
            } catch (MalformedEventException e) {
                throw new IllegalArgumentException(e);
            }
        }
        applier.apply(events);
    }

    /** The processed_event rows of these ids that exist. */
    private static Map<UUID, Claim> claims(List<UUID> eventIds) {
        List<String> ids = eventIds.stream().map(UUID::toString).toList();
        List<ProcessedEvent> rows = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.list("eventId in ?1", ids));
        Map<UUID, Claim> claims = new LinkedHashMap<>();
        rows.forEach(row -> claims.put(UUID.fromString(row.eventId), new Claim(row.eventType, row.occurredAt, row.processedAt)));
        return claims;
    }

    /** processed_at has millisecond precision: a claim made after this returns carries a later time than one before. */
    private static void nextMillisecond() {
        long until = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
