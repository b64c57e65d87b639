package com.commerceinsight.analytics.dashboards;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the latency of the dashboard and analysis endpoints of a running analytics-service:
 * {@code DashboardBenchmark BASE_URL [calls=20] [warmup=5] [budgetSeconds=120] [pathPart] [filters]}. The endpoints
 * are read from the service's OpenAPI document: every GET under /api/analytics/dashboards/, then under
 * /api/analytics/analyses/, without a path parameter (only those whose path contains pathPart, or one of its
 * comma-separated parts, when given). Each endpoint is called unfiltered, then once per filter it takes
 * ({@link BenchmarkFilters}: category, country, state, status, payment method, the last 90 days, a month; only those
 * named in filters, comma-separated, when given): each way warmup times, then timed over calls sequential calls;
 * prints median and p95 (nearest rank) per endpoint and way, one line each, and whether the filtered answer differs
 * from the unfiltered one (the same answer: the endpoint ignores that filter, or it kept every order).
 * <p>
 * Every call is a distinct query: call k asks for {@code to} = the last generated day + k days (a date-range filter
 * moves its own dates instead), so the database sees new parameter values and cannot hand back the result of the call
 * before (an endpoint that ignores {@code to} relies on the database's result reuse being switched off, as the script
 * does). A way whose timed calls exceed the budget stops early and its line says how many calls were timed; warm-up
 * stops once it has taken a quarter of the budget.
 * Not a test: run by deploy/bench/dashboards.sh.
 */
public final class DashboardBenchmark {

    private static final List<String> PREFIXES = List.of("/api/analytics/dashboards/", "/api/analytics/analyses/");
    /** With -Dbench.issuer, every call carries a bearer token of -Dbench.user (dashboards.sh sets both). */
    private static final BenchmarkToken TOKEN = BenchmarkToken.fromSystemProperties();

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long budgetNanos = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120).toNanos();
        List<String> parts = List.of((args.length > 4 ? args[4] : "").split(","));
        String selected = args.length > 5 ? args[5] : "";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        endpoints(http, base).forEach((path, parameters) -> {
            if (parts.stream().anyMatch(path::contains)) {
                endpoints.put(path, parameters);
            }
        });
        List<BenchmarkFilters.CallFilter> filters = BenchmarkFilters.fromShop(
                json(http, base + "/api/analytics/dashboards/sales?" + BenchmarkFilters.wholeHistory(0)),
                json(http, base + "/api/analytics/analyses/orders/status-breakdown?size=500&" + BenchmarkFilters.wholeHistory(0)))
                .stream().filter(filter -> selected.isBlank() || List.of(selected.split(",")).contains(filter.name())).toList();
        System.out.printf("%-56s %-36s %6s %6s %10s %10s %10s  %s%n", "endpoint", "filter", "status", "calls", "median ms", "p95 ms",
                "max ms", "answer");
        for (Map.Entry<String, Set<String>> endpoint : endpoints.entrySet()) {
            String unfiltered = null;
            for (BenchmarkFilters.CallFilter filter : filters) {
                if (filter.appliesTo(endpoint.getValue())) {
                    Timing timing = time(http, base + endpoint.getKey(), filter, calls, warmup, budgetNanos);
                    String answer = filter.parameters().isEmpty() ? "unfiltered"
                            : unfiltered == null ? "" : unfiltered.equals(timing.firstBody()) ? "same as unfiltered" : "differs";
                    if (filter.parameters().isEmpty()) {
                        unfiltered = timing.firstBody();
                    }
                    timing.print(endpoint.getKey(), filter.label(), answer);
                }
            }
        }
    }

    /** The figures of one way of calling an endpoint, and the answer to its call 0 (compared with the unfiltered one). */
    private record Timing(int status, double[] sortedMillis, String firstBody) {

        void print(String path, String filter, String answer) {
            System.out.printf("%-56s %-36s %6d %6d %10.1f %10.1f %10.1f  %s%n", path, filter, status, sortedMillis.length,
                    median(sortedMillis), nearestRank(sortedMillis, 0.95), sortedMillis[sortedMillis.length - 1], answer);
        }
    }

    private static Timing time(HttpClient http, String url, BenchmarkFilters.CallFilter filter, int calls, int warmup, long budgetNanos)
            throws Exception {
        int status = 0;
        String firstBody = null;
        int k = 0;
        long warming = System.nanoTime();
        for (int i = 0; i < warmup && System.nanoTime() - warming < budgetNanos / 4; i++) {
            HttpResponse<String> response = get(http, URI.create(url + "?" + filter.query().apply(k++)));
            status = response.statusCode();
            firstBody = firstBody == null ? response.body() : firstBody;
        }
        double[] millis = new double[calls];
        int timed = 0;
        long spent = 0;
        while (timed < calls && spent < budgetNanos) {
            URI uri = URI.create(url + "?" + filter.query().apply(k++));
            long started = System.nanoTime();
            HttpResponse<String> response = get(http, uri);
            long elapsed = System.nanoTime() - started;
            status = response.statusCode();
            firstBody = firstBody == null ? response.body() : firstBody;
            spent += elapsed;
            millis[timed++] = elapsed / 1e6;
        }
        double[] sorted = Arrays.copyOf(millis, timed);
        Arrays.sort(sorted);
        return new Timing(status, sorted, firstBody);
    }

    /** The GET endpoints without a path parameter, each with the names of its query parameters. */
    private static Map<String, Set<String>> endpoints(HttpClient http, String base) throws Exception {
        JsonNode paths = json(http, base + "/q/openapi?format=json").path("paths");
        Map<String, Set<String>> found = new TreeMap<>(Comparator.comparing((String path) -> PREFIXES.stream()
                .filter(path::startsWith).findFirst().map(PREFIXES::indexOf).orElse(PREFIXES.size())).thenComparing(path -> path));
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode get = path.getValue().path("get");
            if (!get.isMissingNode() && !path.getKey().contains("{") && PREFIXES.stream().anyMatch(path.getKey()::startsWith)) {
                Set<String> parameters = new TreeSet<>();
                get.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText()));
                found.put(path.getKey(), parameters);
            }
        }
        // Dashboards first (the order of the map): they are quick, and the slow analyses should not hold their figures back.
        return found;
    }

    private static JsonNode json(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = get(http, URI.create(url));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET();
        if (TOKEN != null) {
            request.header("Authorization", TOKEN.authorization());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double nearestRank(double[] sorted, double quantile) {
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
