package com.commerceinsight.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the series of one Prometheus counter moved during a timed run, read from a service's metrics page before and
 * after it: what share of a run's requests a cache answered, for instance. Off (reads and prints nothing) without a URL.
 */
final class CounterMovement {

    private final URI metricsUrl;
    private final String metric;
    private final HttpClient http;
    private Map<String, Double> before = Map.of();

    private CounterMovement(URI metricsUrl, String metric) {
        this.metricsUrl = metricsUrl;
        this.metric = metric;
        this.http = metricsUrl == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** From load.metrics-url and load.metric; off when either is unset. */
    static CounterMovement fromSystemProperties() {
        String url = System.getProperty("load.metrics-url", "");
        String metric = System.getProperty("load.metric", "");
        return url.isBlank() || metric.isBlank() ? new CounterMovement(null, null) : new CounterMovement(URI.create(url), metric);
    }

    void readBefore() throws IOException, InterruptedException {
        if (metricsUrl != null) {
            before = series(read(), metric);
        }
    }

    /** Prints each series' increase since {@link #readBefore()} and its share of the counter's whole increase. */
    void printMovement() throws IOException, InterruptedException {
        if (metricsUrl == null) {
            return;
        }
        Map<String, Double> moved = new TreeMap<>();
        series(read(), metric).forEach((labels, value) -> moved.put(labels, value - before.getOrDefault(labels, 0.0)));
        double total = moved.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder line = new StringBuilder(metric).append(" during the run:");
        if (moved.isEmpty()) {
            line.append(" not on the metrics page");
        } else if (total == 0) {
            line.append(" unchanged");
        } else {
            moved.forEach((labels, increase) -> line.append(String.format(" %s +%.0f (%.1f %%)", labels, increase, 100 * increase / total)));
        }
        System.out.println(line);
    }

    private String read() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metricsUrl).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(metricsUrl + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The counter's series in a Prometheus text page: labels (e.g. {result="hit"}, or "" without labels) to value. */
    static Map<String, Double> series(String page, String metric) {
        Map<String, Double> values = new TreeMap<>();
        for (String line : page.split("\n")) {
            if (!line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            String labels = rest.startsWith("{") ? rest.substring(0, rest.indexOf('}') + 1) : "";
            String[] tokens = rest.substring(labels.length()).trim().split("\\s+");
            if (!labels.isEmpty() || rest.startsWith(" ")) {
                values.put(labels, Double.parseDouble(tokens[0]));
            }
        }
        return values;
    }
}
