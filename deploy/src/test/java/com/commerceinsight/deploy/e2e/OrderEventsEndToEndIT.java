package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders posted to analytics-service reach the three ML services through the outbox and a real Kafka broker,
 * exactly once in effect, even when the broker is down for part of the run: with the models active, every event is
 * claimed once by each consumer, and what segmentation and the recommender keep per customer equals the commerce tables.
 */
class OrderEventsEndToEndIT {

    private static final int ORDERS = 10_000;
    private static final int CLIENTS = 8;
    private static final String SHOP = "e2e-outage";
    /** Events that went through the outbox, as each consumer recorded them (other tests put other events on the topic). */
    private static final String OUTBOX_EVENTS_OF = "SELECT COUNT(*) FROM %s.processed_event p "
            + "JOIN commerce.outbox_event o ON o.event_id = p.event_id";

    @Test
    void tenThousandOrdersSurviveABrokerOutage() throws Exception {
        LocalSystem system = LocalSystem.get();
        OrdersApi api = new OrdersApi(system);
        ShopFixture shop = system.createShop(SHOP, 300, 120);
        system.awaitActiveModels(Duration.ofMinutes(10));

        postOrders(api, shop, 0, 3_000);
        system.stopBroker();
        postOrders(api, shop, 3_000, 7_000); // accepted into the outbox while the broker is down
        try (Connection db = system.openDatabase()) {
            assertThat(ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.outbox_event WHERE published_at IS NULL"))
                    .as("events waiting while the broker is down").isPositive();
        }
        system.startBroker();
        postOrders(api, shop, 7_000, ORDERS);

        try (Connection db = system.openDatabase()) {
            long events = awaitAllConsumed(db, Duration.ofMinutes(4));
            assertThat(ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.orders WHERE customer_id IN "
                    + "(SELECT id FROM commerce.customer WHERE data_source = '" + SHOP + "')")).isEqualTo(ORDERS);
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                assertThat(ConsumerState.count(db, OUTBOX_EVENTS_OF.formatted(schema) + " AND p.event_type = 'OrderPlaced'"))
                        .as(schema + " distinct OrderPlaced events").isEqualTo(ORDERS);
                assertThat(ConsumerState.count(db, OUTBOX_EVENTS_OF.formatted(schema)))
                        .as(schema + " distinct events").isEqualTo(events);
            }
            assertThat(ConsumerState.segmentSummaries(db, SHOP)).as("segmentation.customer_segment")
                    .hasSize(shop.customerIds().size())
                    .isEqualTo(ConsumerState.segmentSummariesFromCommerce(db, SHOP));
            assertThat(ConsumerState.items(db, SHOP)).as("recommender.customer_item")
                    .isEqualTo(ConsumerState.itemsFromCommerce(db, SHOP));
        }
    }

    /**
     * Posts orders [from, to) from several clients. Every 25th order is cancelled afterwards; an order whose first
     * payment is pending gets it settled (succeeded, or failed every third time), so all three event types flow.
     */
    private static void postOrders(OrdersApi api, ShopFixture shop, int from, int to) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = from + client;
                done.add(clients.submit(() -> {
                    for (int n = first; n < to; n += CLIENTS) {
                        placeAndMaybeChange(api, shop, n);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void placeAndMaybeChange(OrdersApi api, ShopFixture shop, int n) throws Exception {
        SplittableRandom random = new SplittableRandom(n);
        long customer = shop.customerIds().get(random.nextInt(shop.customerIds().size()));
        StringBuilder lines = new StringBuilder();
        int lineCount = 1 + random.nextInt(3);
        for (int i = 0; i < lineCount; i++) {
            long product = shop.productIds().get(random.nextInt(shop.productIds().size()));
            lines.append(i == 0 ? "" : ",").append("{\"productId\":").append(product)
                    .append(",\"quantity\":").append(1 + random.nextInt(3)).append('}');
        }
        String paymentStatus = n % 10 == 0 ? "pending" : n % 33 == 0 ? "failed" : "succeeded";
        JsonNode accepted = api.placeOrder("{\"customerId\":" + customer + ",\"currency\":\"EUR\",\"lines\":[" + lines
                + "],\"payment\":{\"method\":\"credit_card\",\"status\":\"" + paymentStatus + "\"}}");
        long orderId = accepted.get("orderId").asLong();
        if (paymentStatus.equals("pending")) {
            api.changePaymentStatus(orderId, accepted.get("paymentId").asLong(), n % 30 == 0 ? "failed" : "succeeded");
        }
        if (n % 25 == 0) {
            api.changeOrderStatus(orderId, "cancelled");
        }
    }

    /**
     * Waits until the outbox is drained and every consumer has processed every event; returns the event count. The
     * cheap count comes first; the exact join runs only once the counts say the consumers may be done.
     */
    private static long awaitAllConsumed(Connection db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long events = ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.outbox_event");
            boolean drained = ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.outbox_event WHERE published_at IS NULL") == 0;
            boolean consumed = true;
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                consumed = consumed && ConsumerState.count(db, "SELECT COUNT(*) FROM " + schema + ".processed_event") >= events
                        && ConsumerState.count(db, OUTBOX_EVENTS_OF.formatted(schema)) == events;
            }
            if (drained && consumed) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events not all consumed in time: " + events + " in the outbox");
            }
            Thread.sleep(500);
        }
    }
}
