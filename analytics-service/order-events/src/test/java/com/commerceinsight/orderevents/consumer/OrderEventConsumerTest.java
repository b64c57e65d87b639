package com.commerceinsight.orderevents.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventTopic;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The batch logic around a service's handler: what is dead-lettered (and why), what is applied, and that an event
 * failing because the database is away waits for it instead of being dead-lettered.
 */
class OrderEventConsumerTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Map<Long, String> deadLetters = new LinkedHashMap<>();
    private final DeadLetterSink sink = (record, reason) -> deadLetters.put(record.offset(), reason);

    @Test
    void malformedRecordsAreDeadLetteredAndTheRestAppliedInOneBatch() throws Exception {
        List<List<OrderEvent>> calls = new ArrayList<>();
        OrderEvent good = event(1);
        new OrderEventConsumer(10, calls::add, sink).consume(records("{not json", JSON.writeValueAsString(good)));
        assertThat(deadLetters).containsOnlyKeys(0L);
        assertThat(deadLetters.get(0L)).startsWith("not JSON");
        assertThat(calls).containsExactly(List.of(good));
    }

    @Test
    void aBatchThatFailsIsAppliedOneByOneAndOnlyThePoisonEventIsDeadLettered() throws Exception {
        OrderEvent first = event(1);
        OrderEvent poison = event(2);
        OrderEvent third = event(3);
        List<OrderEvent> applied = new ArrayList<>();
        OrderEventHandler handler = events -> {
            if (events.contains(poison)) {
                throw new IllegalStateException("constraint violated", new java.sql.SQLIntegrityConstraintViolationException("fk"));
            }
            applied.addAll(events);
        };
        new OrderEventConsumer(10, handler, sink).consume(records(JSON.writeValueAsString(first), JSON.writeValueAsString(poison),
                JSON.writeValueAsString(third)));
        assertThat(applied).containsExactly(first, third);
        assertThat(deadLetters).containsOnlyKeys(1L);
        assertThat(deadLetters.get(1L)).contains("constraint violated").contains("caused by").contains("fk");
    }

    @Test
    void aBatchChosenAsSqlServerDeadlockVictimIsRetriedAndAppliedOnceNotDeadLettered() throws Exception {
        List<OrderEvent> events = List.of(event(1), event(2));
        int[] attempts = {0};
        List<OrderEvent> applied = new ArrayList<>();
        OrderEventHandler handler = batch -> {
            if (++attempts[0] <= 2) { // the whole batch, then its first event alone, lose a deadlock
                throw new IllegalStateException("transaction rolled back", SqlServerErrors.error(1205, "40001"));
            }
            applied.addAll(batch);
        };
        new OrderEventConsumer(10, handler, sink).consume(records(JSON.writeValueAsString(events.get(0)),
                JSON.writeValueAsString(events.get(1))));
        assertThat(applied).containsExactlyElementsOf(events); // each once, in order
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void anEventFailingWhileTheDatabaseIsAwayWaitsAndIsAppliedWhenItReturns() throws Exception {
        OrderEvent event = event(1);
        int[] attempts = {0};
        List<OrderEvent> applied = new ArrayList<>();
        OrderEventHandler handler = events -> {
            if (++attempts[0] <= 3) {
                throw new IllegalStateException(new SQLTransientConnectionException("connection refused", "08001"));
            }
            applied.addAll(events);
        };
        new OrderEventConsumer(10, handler, sink).consume(records(JSON.writeValueAsString(event)));
        assertThat(applied).containsExactly(event);
        assertThat(attempts[0]).isEqualTo(4); // the batch, then the event alone twice while away, then applied
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aBatchFailingAfterTheApplicationBeganToStopIsNeitherDeadLetteredNorAcknowledged() throws Exception {
        List<List<OrderEvent>> attempts = new ArrayList<>();
        OrderEventConsumer[] consumer = new OrderEventConsumer[1];
        consumer[0] = new OrderEventConsumer(10, events -> {
            attempts.add(events);
            consumer[0].stop(0); // the stop begins, and Hibernate closes, while the batch is applied
            throw new IllegalStateException("EntityManagerFactory is closed");
        }, sink);
        assertThatThrownBy(() -> consumer[0].consume(records(json(event(1)), json(event(2)))))
                .isInstanceOf(StoppedMidBatch.class).hasRootCauseMessage("EntityManagerFactory is closed");
        assertThat(deadLetters).isEmpty();
        assertThat(attempts).hasSize(1); // not tried one by one either: no event is at fault
    }

    @Test
    void anEventWaitingForTheDatabaseWhenTheApplicationBeginsToStopIsLeftUnacknowledged() throws Exception {
        OrderEventHandler[] handler = new OrderEventHandler[1];
        OrderEventConsumer consumer = new OrderEventConsumer(10, events -> handler[0].apply(events), sink);
        int[] attempts = {0};
        handler[0] = events -> {
            if (++attempts[0] == 2) { // the event alone, still waiting for the database, when the stop begins
                consumer.stop(0);
            }
            throw new IllegalStateException(new SQLTransientConnectionException("connection refused", "08001"));
        };
        assertThatThrownBy(() -> consumer.consume(records(JSON.writeValueAsString(event(1)))))
                .isInstanceOf(StoppedMidBatch.class);
        assertThat(attempts[0]).isEqualTo(2); // the batch, then the event alone, during which the stop began: no more waiting
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void theStopWaitsForTheBatchInFlightAndRefusesTheNextWithoutApplyingIt() throws Exception {
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<OrderEvent> applied = new CopyOnWriteArrayList<>();
        OrderEventConsumer consumer = new OrderEventConsumer(10, events -> {
            applying.countDown();
            await(release);
            applied.addAll(events);
        }, sink);
        OrderEvent inFlight = event(1);
        Thread batch = new Thread(() -> consumer.consume(records(json(inFlight))));
        batch.start();
        applying.await();
        Thread stop = new Thread(() -> consumer.stop(60_000));
        stop.start();
        stop.join(300);
        assertThat(stop.isAlive()).as("the stop waits while the batch is applied").isTrue();
        release.countDown();
        stop.join(10_000);
        batch.join(10_000);
        assertThat(stop.isAlive()).isFalse();
        assertThat(applied).containsExactly(inFlight);

        assertThatThrownBy(() -> consumer.consume(records(json(event(2))))).isInstanceOf(StoppedMidBatch.class);
        assertThat(applied).containsExactly(inFlight);
        assertThat(deadLetters).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(OrderEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OrderEvent event(long orderId) {
        return OrderEvent.of(UUID.randomUUID(), java.time.Instant.parse("2024-03-01T09:15:00Z"), 7L, orderId,
                new OrderStatusChanged("delivered", "shipped", java.math.BigDecimal.ONE));
    }

    private static ConsumerRecords<String, String> records(String... values) {
        TopicPartition partition = new TopicPartition(OrderEventTopic.NAME, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(OrderEventTopic.NAME, 0, i, "7", values[i]));
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }
}
