package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark of real-time segment reassignment, run by deploy/bench/segment-reassignment.sh against the whole local
 * system: a shop with a year of order history, a segmentation model trained on it over the API, then new orders at a
 * fixed rate. Each new order's event is reassigned in the same transaction that records it as processed, so the
 * freshness printed (event time to segmentation.processed_event.processed_at, p50 / p95 / p99) is the time from an
 * order to its customer's new segment being readable. Prints figures; asserts nothing.
 */
public final class SegmentReassignmentBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentReassignmentBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRun.exitWith(SegmentReassignmentBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        int historyOrders = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int ratePerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rateSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;

        LocalSystem system = LocalSystem.get();
        OrdersApi api = new OrdersApi(system);
        ShopFixture shop = system.createShop("segbench", 2_000, 500);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> placed = new ArrayList<>();
        for (int n = 0; n < historyOrders; n++) {
            String order = historicOrder(shop, n, now);
            placed.add(clients.submit(() -> api.placeOrder(order)));
        }
        for (Future<?> order : placed) {
            order.get();
        }
        clients.shutdown();
        try (Connection db = system.openDatabase()) {
            OrderIngestBenchmark.awaitConsumed(db);
            long started = System.nanoTime();
            JsonNode report = train(system);
            System.out.printf(Locale.ROOT, "trained on %,d customers in %.1f s: k = %d%n", report.path("customers").asInt(),
                    (System.nanoTime() - started) / 1e9, report.path("chosenK").asInt());

            String since = OrderIngestBenchmark.latestOccurredAt(db);
            try (OrderLoad load = new OrderLoad(system, 64)) {
                load.postAtRate(1_000_000, ratePerSecond, rateSeconds, n -> OrderIngestBenchmark.order(shop, n));
            }
            OrderIngestBenchmark.awaitConsumed(db);
            long reassigned = ActivityTables.count(db, "SELECT COUNT(*) FROM segmentation.customer_segment WHERE assessed_at > TIMESTAMP '"
                    + since + "'");
            System.out.printf(Locale.ROOT, "freshness at %d orders/s for %d s, event time to committed (segmentation: segment"
                    + " reassigned, %,d customers; the other consumers, without segments, for comparison):%n",
                    ratePerSecond, rateSeconds, reassigned);
            for (String schema : ActivityTables.CONSUMER_SCHEMAS) {
                List<Long> millis = OrderIngestBenchmark.freshness(db, schema, since);
                System.out.printf(Locale.ROOT, "  %-13s n=%,d  p50 %d ms  p95 %d ms  p99 %d ms  max %d ms%n", schema, millis.size(),
                        OrderIngestBenchmark.percentile(millis, 50), OrderIngestBenchmark.percentile(millis, 95),
                        OrderIngestBenchmark.percentile(millis, 99), millis.get(millis.size() - 1));
            }
        }
    }

    /** An order some time in the past year, so customers differ in recency, frequency and tenure. */
    private static String historicOrder(ShopFixture shop, int n, Instant now) {
        SplittableRandom random = new SplittableRandom(n);
        // a skewed pick: a few customers order often, most rarely
        int index = (int) (shop.customerIds().size() * Math.pow(random.nextDouble(), 2));
        long customer = shop.customerIds().get(index);
        long product = shop.productIds().get(random.nextInt(shop.productIds().size()));
        Instant orderedAt = now.minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS);
        return "{\"customerId\":" + customer + ",\"orderedAt\":\"" + orderedAt + "\",\"lines\":[{\"productId\":" + product
                + ",\"quantity\":" + (1 + random.nextInt(3)) + "}],\"payment\":{\"method\":\"credit_card\",\"status\":\"succeeded\"}}";
    }

    private static JsonNode train(LocalSystem system) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(system.uri("segmentation-service", "/api/segments/training-jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        URI job = system.uri("segmentation-service", "/").resolve(started.headers().firstValue("Location").orElseThrow());
        while (true) {
            JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(job).build(), HttpResponse.BodyHandlers.ofString()).body());
            switch (status.path("status").asText()) {
                case "SUCCEEDED" -> {
                    return status.path("report");
                }
                case "FAILED" -> throw new IllegalStateException("training failed: " + status.path("error").asText());
                default -> Thread.sleep(200);
            }
        }
    }
}
