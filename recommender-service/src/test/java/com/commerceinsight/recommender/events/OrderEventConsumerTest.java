package com.commerceinsight.recommender.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import com.commerceinsight.orderevents.MalformedEventException;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.SampleEvents.Line;
import com.commerceinsight.orderevents.SampleEvents;
import com.commerceinsight.orderevents.consumer.CapturedDeadLetters;
import com.commerceinsight.orderevents.consumer.OrderEventConsumer;
import com.commerceinsight.recommender.activity.CustomerItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The order events consumer on the real (H2) schema, without a broker: each event id claimed once in processed_event
 * and the customers' bought items (customer_item) counted once, whatever the order and repetition of delivery; records
 * that cannot be processed dead-lettered. The fold-in that follows needs an active model; RecommendationApiTest covers
 * it.
 */
@QuarkusTest
class OrderEventConsumerTest {

    @Inject
    EventBatchApplier applier;

    @Inject
    OrderEventConsumer consumer;

    @Inject
    CapturedDeadLetters deadLetters;

    @Inject
    AgroalDataSource dataSource;

    /** A processed_event row without its id. */
    record Claim(String eventType, LocalDateTime occurredAt, LocalDateTime processedAt) {
    }

    /** A customer_item row without its customer. */
    record Item(long productId, int quantity, int orders, LocalDateTime lastBoughtAt) {
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
        assertThat(items(1001)).containsExactly(new Item(11, 1, 1, LocalDateTime.parse("2024-03-01T07:15:00")));
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
        // Product 11: 2 in #1 and 1 in #2; product 13 stays although #3 was cancelled.
        for (long customerId : List.of(2001L, 2002L, 2003L)) {
            assertThat(items(customerId)).as("customer %d", customerId).containsExactly(
                    new Item(11, 3, 2, LocalDateTime.parse("2024-03-01T22:40:00")),
                    new Item(12, 1, 1, LocalDateTime.parse("2024-03-01T09:15:00")),
                    new Item(13, 3, 1, LocalDateTime.parse("2024-03-04T12:00:00")));
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
    void laterBatchesAddToTheRowsOfEarlierOnesAndLeaveOtherRowsAlone() {
        apply(SampleEvents.orderPlaced(UUID.randomUUID(), 6090L, 6090, "2024-04-01T08:00:00Z", "pending", "30.00",
                        List.of(new Line(21, 1, "10.00"), new Line(22, 2, "10.00")), List.of("succeeded")),
                SampleEvents.orderPlaced(UUID.randomUUID(), 6091L, 6091, "2024-04-01T09:00:00Z", "pending", "10.00",
                        List.of(new Line(23, 1, "10.00")), List.of("succeeded")));
        // The second batch names product 23 (which 6091 has) for 6090 only, and 6091 with product 24 only.
        apply(SampleEvents.orderPlaced(UUID.randomUUID(), 6090L, 6092, "2024-04-01T18:00:00Z", "pending", "40.00",
                        List.of(new Line(22, 1, "10.00"), new Line(23, 3, "10.00")), List.of("succeeded")),
                SampleEvents.orderPlaced(UUID.randomUUID(), 6090L, 6093, "2024-04-03T10:00:00Z", "pending", "10.00",
                        List.of(new Line(21, 1, "10.00")), List.of("succeeded")),
                SampleEvents.orderPlaced(UUID.randomUUID(), 6091L, 6094, "2024-04-02T10:00:00Z", "pending", "10.00",
                        List.of(new Line(24, 1, "10.00")), List.of("succeeded")));

        assertThat(items(6090)).containsExactly(
                new Item(21, 2, 2, LocalDateTime.parse("2024-04-03T10:00:00")),
                new Item(22, 3, 2, LocalDateTime.parse("2024-04-01T18:00:00")),
                new Item(23, 3, 1, LocalDateTime.parse("2024-04-01T18:00:00")));
        assertThat(items(6091)).containsExactly(
                new Item(23, 1, 1, LocalDateTime.parse("2024-04-01T09:00:00")),
                new Item(24, 1, 1, LocalDateTime.parse("2024-04-02T10:00:00")));
    }

    @Test
    void aBatchRepeatingAnAppliedEventAddsOnlyItsNewOrders() {
        String first = SampleEvents.orderPlaced(UUID.randomUUID(), 7001L, 70011, "2024-05-02T10:00:00Z", "pending", "10.00",
                List.of(new Line(11, 1, "10.00")), List.of("succeeded"));
        apply(first);
        // The first event again, an earlier order on the same day, that order's failed payment, an order on a new day
        // with two lines of one product.
        apply(first,
                SampleEvents.orderPlaced(UUID.randomUUID(), 7001L, 70012, "2024-05-02T08:00:00Z", "pending", "5.50",
                        List.of(new Line(12, 1, "5.50")), List.of("pending")),
                SampleEvents.paymentStatusChanged(UUID.randomUUID(), 7001L, 70012, "2024-05-02T08:05:00Z", 1, "5.50",
                        "failed", "pending"),
                SampleEvents.orderPlaced(UUID.randomUUID(), 7001L, 70013, "2024-05-05T09:00:00Z", "pending", "4.50",
                        List.of(new Line(11, 1, "2.25"), new Line(11, 1, "2.25")), List.of("succeeded")));

        // Product 11 in the 10:00 order (1) and the 5 May one (1 + 1), product 12 in the 08:00 one.
        assertThat(items(7001)).containsExactly(
                new Item(11, 3, 2, LocalDateTime.parse("2024-05-05T09:00:00")),
                new Item(12, 1, 1, LocalDateTime.parse("2024-05-02T08:00:00")));
    }

    @Test
    void anonymousSaleIsRecordedAsProcessed() {
        long items = itemCount();
        UUID eventId = UUID.randomUUID();

        apply(SampleEvents.orderPlaced(eventId, null, 4001, "2024-03-01T09:15:30.250Z", "pending", "9.99",
                List.of(new Line(11, 1, "9.99")), List.of("succeeded")));

        Claim claim = claims(List.of(eventId)).get(eventId);
        assertThat(claim.eventType()).isEqualTo("OrderPlaced");
        assertThat(claim.occurredAt()).isEqualTo(LocalDateTime.parse("2024-03-01T09:15:30.250"));
        assertThat(claim.processedAt()).isAfter(claim.occurredAt());
        assertThat(itemCount()).isEqualTo(items);
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
                // Not a contract event although it looks like one: a year past RFC 3339's four digits.
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
        assertThat(deadLetters.sent().get(1).reason()).contains("orderedAt").contains("date-time");
        assertThat(claims(List.of(firstId, poisonId, lastId))).containsOnlyKeys(firstId, lastId);
        assertThat(items(5001)).containsExactly(
                new Item(11, 1, 1, LocalDateTime.parse("2024-03-01T09:00:00")),
                new Item(12, 1, 1, LocalDateTime.parse("2024-03-02T09:00:00")));
        assertThat(items(5002)).isEmpty();
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
    private Map<UUID, Claim> claims(List<UUID> eventIds) {
        Map<UUID, Claim> claims = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT event_id, event_type, occurred_at, processed_at FROM recommender.processed_event WHERE event_id = ?")) {
            for (UUID eventId : eventIds) {
                select.setString(1, eventId.toString());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        claims.put(eventId, new Claim(rs.getString(2), rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return claims;
    }

    private static List<Item> items(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerItem.<CustomerItem>list("customerId = ?1 order by productId", customerId)
                .stream().map(item -> new Item(item.productId, item.quantity, item.orders, item.lastBoughtAt)).toList());
    }

    private static long itemCount() {
        return QuarkusTransaction.requiringNew().call(() -> CustomerItem.count());
    }

    /** processed_at has millisecond precision: a claim made after this returns carries a later time than one before. */
    private static void nextMillisecond() {
        long until = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
