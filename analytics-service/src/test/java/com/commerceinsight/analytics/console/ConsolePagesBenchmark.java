package com.commerceinsight.analytics.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures, per console page, how long the page waits for analytics-service: the calls the page's script makes when
 * it is opened unfiltered (the same paths and parameters), sent together as the browser sends them, timed from the first
 * request to the last answer. {@code ConsolePagesBenchmark BASE_URL [rounds=20] [warmup=5]}; each page is loaded warmup
 * times, then rounds times; prints per page the calls, the median and p95 (nearest rank) of the page's API time and the
 * call whose own p95 was the largest. The ML services' calls (Segments, Models, the Customer page's score, segment and
 * recommendations, the Product page's similar products, the RFM map) go to other services and are not measured here.
 * The token comes from {@code -Dbench.token} (deploy/bench/console-pages.sh takes one from the local identity provider).
 * Not a test: run by deploy/bench/console-pages.sh.
 */
public final class ConsolePagesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/analytics/";

    private ConsolePagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String token = System.getProperty("bench.token", "");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        Calls calls = new Calls(http, base, token);

        // The ids a reader would drill into: the top supplier, the best-selling product, the customer with most orders.
        long supplier = calls.json("suppliers?size=1").path("items").path(0).path("supplierId").asLong();
        long product = calls.json("analyses/products/top-selling?size=1").path("items").path(0).path("productId").asLong();
        long customer = calls.json("analyses/customers/most-orders?size=1").path("items").path(0).path("customerId").asLong();
        String productNames = calls.json("analyses/products/top-selling?size=10").path("items").findValuesAsText("productId")
                .stream().reduce((a, b) -> a + "," + b).orElse(String.valueOf(product));

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("home", List.of("dashboards/home", "dashboards/sales?period=month", "dashboards/orders?period=month",
                "catalog/categories"));
        pages.put("sales", List.of("dashboards/sales?period=month", "analyses/discounts/usage", "analyses/returns/by-reason?size=50",
                "catalog/categories"));
        pages.put("customers", List.of("dashboards/customers?period=month", "analyses/customers/new-vs-returning?granularity=month&size=500",
                "analyses/customers/cohorts?size=36", "catalog/categories"));
        pages.put("orders", List.of("dashboards/orders?period=month", "analyses/orders/fulfilment-times", "catalog/categories"));
        pages.put("products", List.of("analyses/products/top-selling?size=10", "analyses/products/ratings?minReviews=3&size=10",
                "analyses/products/low-stock?size=20", "analyses/baskets/bought-together?size=15",
                "analyses/baskets/wishlist-suggestions?size=10&perProduct=3", "catalog/products?ids=" + encode(productNames),
                "catalog/categories"));
        pages.put("suppliers", List.of("suppliers?page=0&size=50"));
        pages.put("supplier", List.of("suppliers/" + supplier, "suppliers/" + supplier + "/products?size=100"));
        pages.put("product", List.of("catalog/products?ids=" + product, "analyses/products/" + product + "/sales?granularity=month&size=500"));
        pages.put("customer", List.of("customers/" + customer + "/orders?page=0&size=10"));

        System.out.printf(Locale.ROOT, "%-10s %5s %10s %10s  %s%n", "page", "calls", "median ms", "p95 ms", "slowest call (its p95 ms)");
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                calls.load(page.getValue());
            }
            List<Long> pageNanos = new ArrayList<>();
            Map<String, List<Long>> callNanos = new LinkedHashMap<>();
            for (int i = 0; i < rounds; i++) {
                long[] each = new long[page.getValue().size()];
                pageNanos.add(calls.load(page.getValue(), each));
                for (int c = 0; c < each.length; c++) {
                    callNanos.computeIfAbsent(page.getValue().get(c), k -> new ArrayList<>()).add(each[c]);
                }
            }
            Map.Entry<String, List<Long>> slowest = callNanos.entrySet().stream()
                    .max((a, b) -> Long.compare(p95(a.getValue()), p95(b.getValue()))).orElseThrow();
            System.out.printf(Locale.ROOT, "%-10s %5d %10.1f %10.1f  %s (%.1f)%n", page.getKey(), page.getValue().size(),
                    millis(median(pageNanos)), millis(p95(pageNanos)), slowest.getKey(), millis(p95(slowest.getValue())));
        }
    }

    /** Sends one page's calls together and waits for all the answers; each must be 200. */
    private record Calls(HttpClient http, String base, String token) {

        long load(List<String> paths) {
            return load(paths, new long[paths.size()]);
        }

        /** The page's time in nanoseconds; each call's own time into callNanos. */
        long load(List<String> paths, long[] callNanos) {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> answers = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                int call = i;
                answers.add(http.sendAsync(request(paths.get(i)), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                    callNanos[call] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(paths.get(call) + " answered " + response.statusCode() + ": " + response.body());
                    }
                }));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            return System.nanoTime() - start;
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        private HttpRequest request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + API + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            return (token.isBlank() ? request : request.header("Authorization", "Bearer " + token)).build();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long median(List<Long> nanos) {
        return nearestRank(nanos, 0.5);
    }

    private static long p95(List<Long> nanos) {
        return nearestRank(nanos, 0.95);
    }

    private static long nearestRank(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
