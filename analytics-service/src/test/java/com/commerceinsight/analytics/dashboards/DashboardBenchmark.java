package com.commerceinsight.analytics.dashboards;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the latency of the dashboard and analysis endpoints of a running analytics-service:
 * {@code DashboardBenchmark BASE_URL [calls=20] [warmup=5]}. The endpoints are read from the service's OpenAPI
 * document: every GET under /api/analytics/dashboards/, then under /api/analytics/analyses/, without a path parameter, called
 * without query parameters (the whole shop). Each is called warmup times, then timed over calls sequential calls;
 * prints median and p95 (nearest rank) per endpoint. Not a test: run by deploy/bench/dashboards.sh.
 */
public final class DashboardBenchmark {

    private static final List<String> PREFIXES = List.of("/api/analytics/dashboards/", "/api/analytics/analyses/");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> paths = endpoints(http, base);
        System.out.printf("%-60s %6s %10s %10s %10s%n", "endpoint", "status", "median ms", "p95 ms", "max ms");
        for (String path : paths) {
            URI uri = URI.create(base + path);
            int status = 0;
            for (int i = 0; i < warmup; i++) {
                status = get(http, uri).statusCode();
            }
            double[] millis = new double[calls];
            for (int i = 0; i < calls; i++) {
                long started = System.nanoTime();
                status = get(http, uri).statusCode();
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("%-60s %6d %10.1f %10.1f %10.1f%n", path, status, median(millis), nearestRank(millis, 0.95),
                    millis[millis.length - 1]);
        }
    }

    private static List<String> endpoints(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = get(http, URI.create(base + "/q/openapi?format=json"));
        JsonNode paths = new ObjectMapper().readTree(response.body()).path("paths");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (path.getValue().has("get") && !path.getKey().contains("{") && PREFIXES.stream().anyMatch(path.getKey()::startsWith)) {
                found.add(path.getKey());
            }
        }
        // Dashboards first: they are quick, and the slow analyses should not hold their figures back.
        found.sort(java.util.Comparator.comparing((String path) -> PREFIXES.stream().filter(path::startsWith).findFirst()
                .map(PREFIXES::indexOf).orElse(PREFIXES.size())).thenComparing(path -> path));
        return found;
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double nearestRank(double[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
