package com.commerceinsight.recommender.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load on a running recommender-service: GET /api/recommendations/customers/{id} at a fixed rate for a
 * fixed time, customers drawn round-robin from a range, and prints latency p50/p95/p99/max and the achieved
 * throughput. Latency is measured from the time a request was scheduled, so a stalled server is not hidden by
 * the client waiting (no coordinated omission). Arguments: base URL, first customer id, customer count,
 * requests per second (500), seconds (30).
 */
public final class ServingLatencyBenchmark {

    private ServingLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long firstCustomer = Long.parseLong(args[1]);
        int customers = Integer.parseInt(args[2]);
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        warmUp(client, base, firstCustomer, customers);

        int total = rate * seconds;
        long[] latencyNanos = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Sends every request whose scheduled time has come, each timed from its own scheduled time.
            while (sent.get() < total && start + sent.get() * periodNanos <= now) {
                int i = sent.getAndIncrement();
                long scheduled = start + i * periodNanos;
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/recommendations/customers/"
                        + (firstCustomer + i % customers))).timeout(Duration.ofSeconds(10)).GET().build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    latencyNanos[i] = System.nanoTime() - scheduled;
                    if (error != null || response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    done.countDown();
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        System.out.printf("requests %d at %d/s for %d s: throughput %.0f/s, failures %d%n", total, rate, seconds, total / elapsed,
                failures.get());
        System.out.printf("latency ms p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    private static void warmUp(HttpClient client, String base, long firstCustomer, int customers) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            client.send(HttpRequest.newBuilder(URI.create(base + "/api/recommendations/customers/" + (firstCustomer + i % customers)))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }
}
