package com.commerceinsight.analytics.dashboards;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the latency of the dashboard and analysis endpoints of a running analytics-service:
 * {@code DashboardBenchmark BASE_URL [calls=20] [warmup=5] [budgetSeconds=120] [pathPart]}. The endpoints are read
 * from the service's OpenAPI document: every GET under /api/analytics/dashboards/, then under /api/analytics/analyses/,
 * without a path parameter (only those whose path contains pathPart, or one of its comma-separated parts, when given). Each is called warmup times, then timed over calls sequential calls; prints median and p95 (nearest
 * rank) per endpoint.
 * <p>
 * Every call is a distinct query: call k asks for {@code to} = the last generated day + k days, so the whole shop is
 * read each time but the database sees new parameter values and cannot hand back the result of the call before (an
 * endpoint that ignores {@code to} relies on the database's result reuse being switched off, as the script does).
 * An endpoint whose timed calls exceed the budget stops early and its line says how many calls were timed; warm-up
 * stops once it has taken a quarter of the budget.
 * Not a test: run by deploy/bench/dashboards.sh.
 */
public final class DashboardBenchmark {

    private static final List<String> PREFIXES = List.of("/api/analytics/dashboards/", "/api/analytics/analyses/");
    /** The generator's window ends before this day, so {@code to} from here on still covers every order. */
    private static final LocalDate LAST_GENERATED_DAY = LocalDate.of(2025, 1, 1);

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long budgetNanos = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120).toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String pathPart = args.length > 4 ? args[4] : "";
        List<String> parts = List.of(pathPart.split(","));
        List<String> paths = endpoints(http, base).stream().filter(path -> parts.stream().anyMatch(path::contains)).toList();
        System.out.printf("%-60s %6s %6s %10s %10s %10s%n", "endpoint", "status", "calls", "median ms", "p95 ms", "max ms");
        for (String path : paths) {
            int status = 0;
            int k = 0;
            long warming = System.nanoTime();
            for (int i = 0; i < warmup && System.nanoTime() - warming < budgetNanos / 4; i++) {
                status = get(http, distinctCall(base, path, k++)).statusCode();
            }
            double[] millis = new double[calls];
            int timed = 0;
            long spent = 0;
            while (timed < calls && spent < budgetNanos) {
                URI uri = distinctCall(base, path, k++);
                long started = System.nanoTime();
                status = get(http, uri).statusCode();
                long elapsed = System.nanoTime() - started;
                spent += elapsed;
                millis[timed++] = elapsed / 1e6;
            }
            double[] sorted = Arrays.copyOf(millis, timed);
            Arrays.sort(sorted);
            System.out.printf("%-60s %6d %6d %10.1f %10.1f %10.1f%n", path, status, timed, median(sorted), nearestRank(sorted, 0.95),
                    sorted[sorted.length - 1]);
        }
    }

    /** The k-th call of an endpoint: the whole shop, up to a day no earlier call of it asked for. */
    private static URI distinctCall(String base, String path, int k) {
        return URI.create(base + path + "?to=" + LAST_GENERATED_DAY.plusDays(k));
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
