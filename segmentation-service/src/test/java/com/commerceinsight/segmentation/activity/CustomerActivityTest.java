package com.commerceinsight.segmentation.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.commerceinsight.segmentation.events.MalformedEventException;
import com.commerceinsight.segmentation.events.OrderEvent;
import com.commerceinsight.segmentation.events.OrderEventParser;
import com.commerceinsight.segmentation.events.SampleEvents;
import com.commerceinsight.segmentation.events.SampleEvents.Line;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Customer activity built from order events on the real (H2) schema, without a broker. Each test uses its own customers. */
@QuarkusTest
class CustomerActivityTest {

    @Inject
    EventBatchApplier applier;

    @Inject
    OrderEventConsumer consumer;

    @Inject
    CapturedDeadLetters deadLetters;

    /** A row without updated_at (the time it was written) and without its customer. */
    record Activity(int orders, int cancelledOrders, BigDecimal spend, LocalDateTime firstOrderAt, LocalDateTime lastOrderAt,
            int succeededPayments, int failedPayments, int activeDays, LocalDateTime lastEventAt) {
    }

    @Test
    void sameEventTwiceChangesNothing() {
        String placed = SampleEvents.orderPlaced(UUID.randomUUID(), 1001L, 1001, "2024-03-01T09:15:00Z", "pending", "20.00",
                List.of(new Line(11, 1, "20.00")), List.of("succeeded"));
        apply(placed);
        CustomerActivity once = row(1001);

        apply(placed);
        apply(placed, placed);

        CustomerActivity after = row(1001);
        assertThat(after).usingRecursiveComparison().isEqualTo(once);
        assertThat(after.orders).isEqualTo(1);
        assertThat(after.spend).isEqualByComparingTo("20.00");
    }

    @Test
    void oneCustomersEventsInAnyOrderGiveTheSameActivity() {
        List<String> inOrder = realisticMix(2001);
        apply(inOrder.toArray(String[]::new));

        List<String> reversed = new ArrayList<>(realisticMix(2002));
        Collections.reverse(reversed);
        reversed.forEach(this::apply); // one transaction per event

        List<String> shuffled = new ArrayList<>(realisticMix(2003));
        Collections.shuffle(shuffled, new Random(7));
        apply(shuffled.subList(0, 4).toArray(String[]::new));
        apply(shuffled.subList(4, shuffled.size()).toArray(String[]::new));

        assertThat(activity(2002)).isEqualTo(activity(2001));
        assertThat(activity(2003)).isEqualTo(activity(2001));
    }

    @Test
    void realisticMixGivesTheHandComputedActivity() {
        List<String> events = new ArrayList<>(realisticMix(3001));
        Collections.shuffle(events, new Random(3));
        apply(events.toArray(String[]::new));

        // Orders: #1 120.50 (09:15, delivered), #2 35.00 (22:40 the same day), #3 80.00 (4 March, cancelled).
        // Payments now: #1 attempt 1 failed, attempt 2 succeeded; #2 succeeded; #3 failed.
        assertThat(activity(3001)).isEqualTo(new Activity(3, 1, new BigDecimal("155.50"),
                LocalDateTime.parse("2024-03-01T09:15:00"), LocalDateTime.parse("2024-03-04T12:00:00"),
                2, 2, 2, LocalDateTime.parse("2024-03-06T10:00:00")));
    }

    @Test
    void aBatchRepeatingAnAppliedEventAddsOnlyItsNewEventsToTheStoredRow() {
        String first = SampleEvents.orderPlaced(UUID.randomUUID(), 7001L, 70011, "2024-05-02T10:00:00Z", "pending", "10.00",
                List.of(new Line(11, 1, "10.00")), List.of("succeeded"));
        apply(first);
        // The first event again, an earlier order on the same day, that order's failed payment, an order on a new day.
        apply(first,
                SampleEvents.orderPlaced(UUID.randomUUID(), 7001L, 70012, "2024-05-02T08:00:00Z", "pending", "5.50",
                        List.of(new Line(12, 1, "5.50")), List.of("pending")),
                SampleEvents.paymentStatusChanged(UUID.randomUUID(), 7001L, 70012, "2024-05-02T08:05:00Z", 1, "5.50",
                        "failed", "pending"),
                SampleEvents.orderPlaced(UUID.randomUUID(), 7001L, 70013, "2024-05-05T09:00:00Z", "pending", "4.50",
                        List.of(new Line(11, 2, "2.25")), List.of("succeeded")));

        // Three orders, 10.00 + 5.50 + 4.50, from 08:00 on 2 May to 09:00 on 5 May; payments now: the first and the
        // third succeeded, the second failed; two distinct days; the latest event is the 5 May order.
        assertThat(activity(7001)).isEqualTo(new Activity(3, 0, new BigDecimal("20.00"),
                LocalDateTime.parse("2024-05-02T08:00:00"), LocalDateTime.parse("2024-05-05T09:00:00"), 2, 1, 2,
                LocalDateTime.parse("2024-05-05T09:00:00")));
    }

    @Test
    void anonymousSaleIsOnlyRecordedAsProcessed() {
        long activities = count(CustomerActivity.class);
        long orderDays = count(CustomerOrderDay.class);
        UUID eventId = UUID.randomUUID();

        apply(SampleEvents.orderPlaced(eventId, null, 4001, "2024-03-01T09:15:30.250Z", "pending", "9.99",
                List.of(new Line(11, 1, "9.99")), List.of("succeeded")));

        ProcessedEvent processed = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(eventId.toString()));
        assertThat(processed.eventType).isEqualTo("OrderPlaced");
        assertThat(processed.occurredAt).isEqualTo(LocalDateTime.parse("2024-03-01T09:15:30.250"));
        assertThat(processed.processedAt).isAfter(processed.occurredAt);
        assertThat(count(CustomerActivity.class)).isEqualTo(activities);
        assertThat(count(CustomerOrderDay.class)).isEqualTo(orderDays);
    }

    @Test
    void poisonRecordsGoToDeadLettersAndTheRestIsApplied() {
        UUID poisonId = UUID.randomUUID();
        List<String> values = List.of(
                SampleEvents.orderPlaced(UUID.randomUUID(), 5001L, 5001, "2024-03-01T09:00:00Z", "pending", "10.00",
                        List.of(new Line(11, 1, "10.00")), List.of("succeeded")),
                "{\"eventId\": ",
                // A contract event the database cannot hold: spend is DECIMAL(16,2). It fails on its own.
                SampleEvents.orderPlaced(poisonId, 5002L, 5002, "2024-03-01T09:00:00Z", "pending", "123456789012345678.00",
                        List.of(new Line(11, 1, "123456789012345678.00")), List.of("pending")),
                SampleEvents.orderPlaced(UUID.randomUUID(), 5001L, 5003, "2024-03-02T09:00:00Z", "pending", "5.00",
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
        assertThat(deadLetters.sent().get(1).reason()).contains("SPEND");
        assertThat(activity(5001).orders()).isEqualTo(2);
        assertThat(activity(5001).spend()).isEqualByComparingTo("15.00");
        assertThat(row(5002)).isNull();
        ProcessedEvent poison = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(poisonId.toString()));
        assertThat(poison).isNull();
    }

    /** Three orders of one customer over two UTC days, with a failed then succeeded payment and a cancellation. */
    private static List<String> realisticMix(long customerId) {
        long order = customerId * 10;
        return List.of(
                SampleEvents.orderPlaced(UUID.randomUUID(), customerId, order + 1, "2024-03-01T09:15:00Z", "pending", "120.50",
                        List.of(new Line(11, 2, "50.25"), new Line(12, 1, "20.00")), List.of("pending")),
                SampleEvents.paymentStatusChanged(UUID.randomUUID(), customerId, order + 1, "2024-03-01T09:20:00Z", 1, "120.50",
                        "failed", "pending"),
                SampleEvents.paymentStatusChanged(UUID.randomUUID(), customerId, order + 1, "2024-03-01T09:30:00Z", 2, "120.50",
                        "succeeded", null),
                SampleEvents.orderPlaced(UUID.randomUUID(), customerId, order + 2, "2024-03-01T22:40:00Z", "pending", "35.00",
                        List.of(new Line(11, 1, "35.00")), List.of("succeeded")),
                SampleEvents.orderPlaced(UUID.randomUUID(), customerId, order + 3, "2024-03-04T12:00:00Z", "pending", "80.00",
                        List.of(new Line(13, 3, "26.666")), List.of("pending")),
                SampleEvents.orderStatusChanged(UUID.randomUUID(), customerId, order + 3, "2024-03-04T13:00:00Z", "cancelled",
                        "pending", "80.00"),
                SampleEvents.paymentStatusChanged(UUID.randomUUID(), customerId, order + 3, "2024-03-04T13:00:00Z", 1, "80.00",
                        "failed", "pending"),
                SampleEvents.orderStatusChanged(UUID.randomUUID(), customerId, order + 1, "2024-03-06T10:00:00Z", "delivered",
                        "pending", "120.50"));
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

    private static CustomerActivity row(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerActivity.findById(customerId));
    }

    private static Activity activity(long customerId) {
        CustomerActivity row = row(customerId);
        return new Activity(row.orders, row.cancelledOrders, row.spend, row.firstOrderAt, row.lastOrderAt,
                row.succeededPayments, row.failedPayments, row.activeDays, row.lastEventAt);
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) CustomerActivity.getEntityManager()
                .createQuery("select count(*) from " + entity.getSimpleName()).getSingleResult());
    }
}
