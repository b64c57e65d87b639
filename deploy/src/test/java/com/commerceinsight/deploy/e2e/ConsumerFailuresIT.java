package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * What the three consumers do with a message they can never process, and with an event delivered twice, with their
 * models active: the state their APIs serve (segmentation's summary, the recommender's bought items) counts a good
 * event once.
 */
class ConsumerFailuresIT {

    private static final List<String> GROUPS = List.of("prediction-service", "segmentation-service", "recommender-service");

    @Test
    void malformedMessageReachesTheDeadLetterTopicAndLaterEventsAreProcessed() throws Exception {
        LocalSystem system = LocalSystem.get();
        system.awaitActiveModels(Duration.ofMinutes(10));
        TopicClient topics = new TopicClient(system.kafkaBootstrapServers());
        ShopFixture shop = system.createShop("e2e-dlq", 1, 1);
        long customer = shop.customerIds().get(0);
        String malformed = "{\"eventId\": \"" + UUID.randomUUID() + "\", \"eventType\": \"OrderPlaced\", truncated";
        topics.send(TopicClient.ORDERS, Long.toString(customer), malformed);
        UUID goodEvent = UUID.randomUUID();
        String good = ContractEvents.orderPlaced(goodEvent, customer, 900_000_001L, shop.productIds().get(0), 900_000_001L);
        assertThat(ContractEvents.violations(repositoryRoot(), good)).isEmpty();
        try (CommittedOrder order = CommittedOrder.of(system, 900_000_001L, customer)) {
            topics.send(TopicClient.ORDERS, Long.toString(customer), good);
            awaitDeadLettersAndTheGoodEvent(system, topics, malformed, customer, goodEvent);
        }
    }

    private static void awaitDeadLettersAndTheGoodEvent(LocalSystem system, TopicClient topics, String malformed, long customer,
            UUID goodEvent) throws Exception {
        // One dead letter per consumer group, carrying the original message and the reason.
        List<ConsumerRecord<String, String>> deadLetters = topics.readUntil(TopicClient.DEAD_LETTERS,
                r -> malformed.equals(r.value()), 3, Duration.ofSeconds(90));
        assertThat(deadLetters).hasSize(3);
        assertThat(deadLetters).extracting(letter -> TopicClient.header(letter, "dead-letter-service")).as("who gave up on it")
                .containsExactlyInAnyOrderElementsOf(GROUPS);
        for (ConsumerRecord<String, String> letter : deadLetters) {
            assertThat(TopicClient.header(letter, "dead-letter-reason")).isNotBlank();
            assertThat(TopicClient.header(letter, "dead-letter-topic")).isEqualTo(TopicClient.ORDERS);
            assertThat(letter.key()).isEqualTo(Long.toString(customer));
        }
        try (Connection db = system.openDatabase()) {
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                awaitProcessed(db, schema, goodEvent, Duration.ofSeconds(60));
            }
            assertThat(ConsumerState.segmentSummaries(db, "e2e-dlq").get(customer)).startsWith("1 | 30 | "); // one order, 30.00
            assertThat(ConsumerState.items(db, "e2e-dlq").values()).singleElement().asString().startsWith("3 | 1 | ");
        }
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        LocalSystem system = LocalSystem.get();
        system.awaitActiveModels(Duration.ofMinutes(10));
        TopicClient topics = new TopicClient(system.kafkaBootstrapServers());
        ShopFixture shop = system.createShop("e2e-duplicate", 1, 1);
        long customer = shop.customerIds().get(0);
        UUID eventId = UUID.randomUUID();
        String event = ContractEvents.orderPlaced(eventId, customer, 900_000_002L, shop.productIds().get(0), 900_000_002L);
        try (CommittedOrder order = CommittedOrder.of(system, 900_000_002L, customer)) {
            deliverTwice(system, topics, customer, eventId, event);
        }
    }

    private static void deliverTwice(LocalSystem system, TopicClient topics, long customer, UUID eventId, String event) throws Exception {
        topics.send(TopicClient.ORDERS, Long.toString(customer), event);
        String segmentBefore;
        try (Connection db = system.openDatabase()) {
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                awaitProcessed(db, schema, eventId, Duration.ofSeconds(60));
            }
            segmentBefore = ConsumerState.segmentSummaries(db, "e2e-duplicate").get(customer);
        }

        RecordMetadata again = topics.send(TopicClient.ORDERS, Long.toString(customer), event);
        for (String group : GROUPS) {
            awaitCommittedPast(topics, group, again, Duration.ofSeconds(60));
        }

        try (Connection db = system.openDatabase()) {
            assertThat(ConsumerState.segmentSummaries(db, "e2e-duplicate").get(customer)).isEqualTo(segmentBefore)
                    .startsWith("1 | 30 | ");
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                assertThat(ConsumerState.count(db, "SELECT COUNT(*) FROM " + schema + ".processed_event WHERE event_id = '" + eventId + "'"))
                        .isEqualTo(1);
            }
            assertThat(ConsumerState.items(db, "e2e-duplicate").values()).singleElement().asString().startsWith("3 | 1 | ");
        }
    }

    private static void awaitProcessed(Connection db, String schema, UUID eventId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ConsumerState.count(db, "SELECT COUNT(*) FROM " + schema + ".processed_event WHERE event_id = '" + eventId + "'") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(schema + " did not process event " + eventId);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The order an event names, in commerce.orders as analytics-service commits it before publishing the event:
     * segmentation reads a customer's summary from there. Deleted again on close, so that the dashboards' summaries,
     * which never saw it (it has no outbox row), still equal a rebuild for the tests that follow.
     */
    private record CommittedOrder(LocalSystem system, long orderId) implements AutoCloseable {

        static CommittedOrder of(LocalSystem system, long orderId, long customerId) throws Exception {
            try (Connection db = system.openDatabase(); PreparedStatement insert = db.prepareStatement("INSERT INTO commerce.orders"
                    + " (id, data_source, external_ref, customer_id, kind, status, ordered_at, total_amount) VALUES (?, 'e2e', ?, ?, 'sale',"
                    + " 'pending', ?, 30.00)")) {
                insert.setLong(1, orderId);
                insert.setString(2, "e2e-" + orderId);
                insert.setLong(3, customerId);
                insert.setObject(4, LocalDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return new CommittedOrder(system, orderId);
        }

        @Override
        public void close() throws Exception {
            try (Connection db = system.openDatabase(); PreparedStatement delete = db.prepareStatement("DELETE FROM commerce.orders WHERE id = ?")) {
                delete.setLong(1, orderId);
                delete.executeUpdate();
            }
        }
    }

    /** Waits until the group has committed an offset beyond the record: it has consumed the record. */
    private static void awaitCommittedPast(TopicClient topics, String group, RecordMetadata record, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (topics.committedOffset(group, record.topic(), record.partition()) <= record.offset()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(group + " did not consume offset " + record.offset());
            }
            Thread.sleep(250);
        }
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("repository.root", ".."));
    }
}
