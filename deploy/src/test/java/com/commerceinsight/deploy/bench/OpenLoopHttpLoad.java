package com.commerceinsight.deploy.bench;

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
 * Open-loop HTTP load on one running service, run by deploy/bench/http-load.sh: GET on a URL template whose
 * {id} takes ids round-robin from a range, at a fixed rate for a fixed time, then prints latency p50/p95/p99/max
 * and the achieved throughput. Latency is measured from the time a request was scheduled, so a stalled server is
 * not hidden by the client waiting (no coordinated omission). Arguments: URL template, first id, id count,
 * requests per second (500), seconds (30).
 */
public final class OpenLoopHttpLoad {

    private OpenLoopHttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        String template = args[0];
        long firstId = Long.parseLong(args[1]);
        int ids = Integer.parseInt(args[2]);
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        // HTTP/1.1: over plain http the JDK client would otherwise upgrade to HTTP/2 and send every request down one
        // connection, which one event-loop thread of the server serves; real clients come over many connections.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        warmUp(client, template, firstId, ids);

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
                HttpRequest request = HttpRequest.newBuilder(uri(template, firstId + i % ids))
                        .timeout(Duration.ofSeconds(10)).GET().build();
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

    private static void warmUp(HttpClient client, String template, long firstId, int ids) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            client.send(HttpRequest.newBuilder(uri(template, firstId + i % ids)).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static URI uri(String template, long id) {
        return URI.create(template.replace("{id}", Long.toString(id)));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }
}
