package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An order placed through the gateway reaches what the gateway serves about its customer, with all three models
 * active (trained on start on the sample shop): a score that counts the order as the customer's last sale, a segment
 * assessed at the order's time, a recommendation list without the product just bought, and a score event naming the
 * order's event as its cause. Within a bound far above the measured freshness (order-events benchmark), so that a
 * slow CI machine does not fail it, yet a lost or unapplied event does.
 */
class ServedAnswersEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void anOrderThroughTheGatewayChangesTheServedScoreSegmentAndRecommendations() throws Exception {
        LocalSystem system = LocalSystem.get();
        GeneratedShop shop;
        try (Connection db = system.openDatabase()) {
            shop = GeneratedShop.read(db);
        }
        // The last generated customer: other tests order for customers of their own.
        long customer = shop.customerIds().get(shop.customerIds().size() - 1);
        system.awaitActiveModels(Duration.ofMinutes(10));
        int port = LocalSystem.freePort();
        ManagedProcess gateway = system.startGateway(port);
        try (Connection db = system.openDatabase()) {
            ServedAnswers served = new ServedAnswers(URI.create("http://127.0.0.1:" + port), system.tokens());
            ServedAnswers.Served before = served.all(customer);
            assertThat(before.recommended()).as("recommendations before the order").isNotEmpty();
            long product = before.recommended().get(0);
            LocalDateTime since = EventTimes.latest(db);

            JsonNode accepted = served.placeOrder(customer, product);
            assertThat(accepted.path("orderId").asLong()).isPositive();

            long deadline = System.nanoTime() + BOUND.toNanos();
            ServedAnswers.Served after = served.all(customer);
            while (!(reflects(after, before, product)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = served.all(customer);
            }
            assertThat(after.assessedAt()).as("segment assessed at the order's event").isNotEqualTo(before.assessedAt());
            assertThat(after.recommended()).as("recommendations after buying the top one").isNotEmpty().doesNotContain(product);

            EventTimes.Placed placed = EventTimes.orderPlacedByCustomer(db, since).get(customer);
            assertThat(placed).as("the order's OrderPlaced event in the outbox").isNotNull();
            LocalDateTime orderTime = LocalDateTime.ofInstant(placed.at(), ZoneOffset.UTC);
            assertThat(LocalDateTime.parse(after.scoredLastOrderAt())).as("the last sale the served score counts").isEqualTo(orderTime);
            assertThat(LocalDateTime.parse(after.assessedAt())).as("the segment's reference time is the order's event time")
                    .isEqualTo(orderTime);

            String orderEvent = placed.eventId();
            List<ConsumerRecord<String, String>> scores = new TopicClient(system.kafkaBootstrapServers()).readUntil(
                    "prediction.repurchase-scores.v1", record -> causedBy(record).equals(orderEvent), 1, BOUND);
            assertThat(scores).as("score event caused by the order's event " + orderEvent).hasSize(1);
            assertThat(JSON.readTree(scores.get(0).value()).path("customerId").asLong()).isEqualTo(customer);
        } finally {
            gateway.stop();
        }
    }

    private static boolean reflects(ServedAnswers.Served after, ServedAnswers.Served before, long product) {
        return ServedAnswers.moved(after.scoredLastOrderAt(), before.scoredLastOrderAt())
                && ServedAnswers.moved(after.assessedAt(), before.assessedAt()) && !after.recommended().contains(product);
    }

    private static String causedBy(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("causedBy").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
