package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark of the web console's calls to the three ML services, the part of each page that analytics-service's
 * console-pages benchmark cannot measure: the whole system on a generated sample shop with the three models active,
 * each page's ML calls sent together through the gateway as the browser sends them (admin-demo's token), timed from
 * the first call sent to the last answer; median and p95 (nearest rank) over ROUNDS loads after WARMUP, and each page's
 * call with the largest p95. The customer is the shop's first with orders, the product its best seller, the segment
 * the model's first.
 *   deploy/bench/console-ml-pages.sh [ROUNDS=20] [WARMUP=5] (SAMPLE_ORDERS sets the shop's size, default 20000)
 */
public final class ConsoleMlPagesBenchmark {

    private ConsoleMlPagesBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRun.exitWith(ConsoleMlPagesBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LocalSystem system = LocalSystem.get();
        if (!system.hasSampleShop()) {
            throw new IllegalStateException("the benchmark needs the sample shop: -De2e.sample-orders=N (console-ml-pages.sh sets it)");
        }
        GeneratedShop shop;
        try (Connection db = system.openDatabase()) {
            shop = GeneratedShop.read(db);
        }
        system.awaitActiveModels(Duration.ofMinutes(90)); // training on a 1,000,000-order shop takes a while
        int port = LocalSystem.freePort();
        ManagedProcess gateway = system.startGateway(port);
        ExecutorService browser = Executors.newFixedThreadPool(6); // a browser's connections per host
        try {
            GatewayClient client = new GatewayClient(URI.create("http://127.0.0.1:" + port), system.tokens());
            long customer = shop.customerIds().get(0);
            long product = client.get("/api/analytics/analyses/products/top-selling?size=1").path("items").path(0)
                    .path("productId").asLong();
            int segment = client.get("/api/segments").path("segments").path(0).path("profile").path("segmentId").asInt();
            System.out.printf(Locale.ROOT, "shop: %,d customers with orders, %,d products; customer %d, product %d, segment %d%n",
                    shop.customerIds().size(), shop.productIds().size(), customer, product, segment);

            Map<String, List<String>> pages = new LinkedHashMap<>();
            pages.put("segments", List.of("/api/segments", "/api/segments/projection?sample=1500",
                    "/api/segments/" + segment + "/customers?size=50"));
            pages.put("models", List.of("/api/predictions/models?size=20", "/api/predictions/models/active",
                    "/api/recommendations/models?size=20"));
            pages.put("customer", List.of("/api/predictions/customers/" + customer + "/repurchase?contributions=5",
                    "/api/segments/customers/" + customer, "/api/recommendations/customers/" + customer + "?k=10",
                    "/api/analytics/customers/" + customer + "/orders?page=0&size=10"));
            pages.put("product", List.of("/api/recommendations/products/" + product + "/similar?k=10"));
            pages.put("customers", List.of("/api/segments/rfm-map"));

            System.out.printf(Locale.ROOT, "%-10s %5s %10s %10s  %s%n", "page", "calls", "median ms", "p95 ms", "slowest call (its p95 ms)");
            for (Map.Entry<String, List<String>> page : pages.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    load(browser, client, page.getValue());
                }
                List<Long> pageMillis = new ArrayList<>();
                Map<String, List<Long>> callMillis = new LinkedHashMap<>();
                for (int i = 0; i < rounds; i++) {
                    long started = System.nanoTime();
                    List<Long> calls = load(browser, client, page.getValue());
                    pageMillis.add((System.nanoTime() - started) / 1_000_000);
                    for (int c = 0; c < calls.size(); c++) {
                        callMillis.computeIfAbsent(page.getValue().get(c), k -> new ArrayList<>()).add(calls.get(c));
                    }
                }
                Map.Entry<String, List<Long>> slowest = callMillis.entrySet().stream()
                        .max((a, b) -> Long.compare(new Latencies(a.getValue()).percentile(95), new Latencies(b.getValue()).percentile(95)))
                        .orElseThrow();
                Latencies times = new Latencies(pageMillis);
                System.out.printf(Locale.ROOT, "%-10s %5d %10d %10d  %s (%d)%n", page.getKey(), page.getValue().size(), times.percentile(50),
                        times.percentile(95), slowest.getKey(), new Latencies(slowest.getValue()).percentile(95));
            }
        } finally {
            browser.shutdownNow();
            gateway.stop();
        }
    }

    /** Sends a page's calls together; each call's milliseconds, in the page's order (every call must answer 200). */
    private static List<Long> load(ExecutorService browser, GatewayClient client, List<String> calls) throws Exception {
        List<Future<Long>> answers = new ArrayList<>();
        for (String call : calls) {
            answers.add(browser.submit(() -> {
                long started = System.nanoTime();
                client.get(call);
                return (System.nanoTime() - started) / 1_000_000;
            }));
        }
        List<Long> millis = new ArrayList<>();
        for (Future<Long> answer : answers) {
            millis.add(answer.get());
        }
        return millis;
    }
}
