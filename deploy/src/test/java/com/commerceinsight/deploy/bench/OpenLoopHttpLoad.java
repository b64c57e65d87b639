package com.commerceinsight.deploy.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.commerceinsight.deploy.identity.TokenSource;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Open-loop HTTP load on one running service, run by deploy/bench/http-load.sh: GET on a URL template whose {id}
 * takes ids round-robin from a range, at a fixed rate for a fixed time, then prints latency p50/p95/p99/max, the
 * achieved throughput, the responses by status and the generator's own CPU time per request.
 *
 * <p>Latency is measured from the time a request was scheduled, so a stalled server is not hidden by the client
 * waiting (no coordinated omission). The generator shares the machine with the service it measures, so it is built
 * to cost as little as possible: one Vert.x event loop (Netty, no thread per request, no futures chained across
 * thread pools as the JDK client does), keep-alive HTTP/1.1 connections from a pool (real clients come over many
 * connections; HTTP/2 would put every request on one connection and one event loop of the server), and a timer that
 * sends every request whose time has come. Its CPU per request is printed so a reader can see what it took from the
 * service. Arguments: URL template, first id, id count, requests per second (500), seconds (30), runs (1): several
 * runs back to back, each printed, then the median of their quantiles (one run on a shared machine is an anecdote).
 * Each run also prints the latency of each response status apart (a 404 may take a shorter path than a 200).
 *
 * <p>System properties: {@code load.warm-up-ids=FIRST:COUNT} sends the unmeasured warm-up to other ids than the
 * measured ones (by default the same), so that it fills no cache the run then reads; {@code load.metrics-url} with
 * {@code load.metric} (a Prometheus counter, e.g. a cache's hits and misses by result) reads that counter before and
 * after each timed run and prints how each of its series moved, and its share of the movement; {@code load.issuer}
 * (an OpenID Connect issuer, e.g. the local run's http://localhost:8180/realms/commerce-insight) sends every request
 * with a bearer token of {@code load.user} (default admin-demo; password {@code load.password}, default
 * demo-&lt;user&gt;), from the password grant on commerce-cli, taken before each run valid for all of it so that no
 * request waits for the identity provider.
 */
public final class OpenLoopHttpLoad {

    private static final int CONNECTIONS = 64;
    /** Unmeasured seconds at the run's rate (at most 1,000/s) first: the generator's own code is compiled by then. */
    private static final int WARM_UP_SECONDS = 5;

    private OpenLoopHttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        String template = args[0];
        long firstId = Long.parseLong(args[1]);
        int ids = Integer.parseInt(args[2]);
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        URI base = URI.create(template.replace("{id}", "0"));
        String pathTemplate = template.substring(template.indexOf('/', template.indexOf("://") + 3));

        long[] warmUpIds = warmUpIds(firstId, ids);
        CounterMovement counter = CounterMovement.fromSystemProperties();
        TokenSource tokens = tokensFromSystemProperties();

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                .setKeepAlive(true).setConnectTimeout(5_000).setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(CONNECTIONS)
                .setMaxWaitQueueSize(-1));
        int warmUpRate = Math.min(rate, 1_000);
        Run warmUp = new Run(client, pathTemplate, authorization(tokens, WARM_UP_SECONDS), warmUpIds[0], (int) warmUpIds[1], warmUpRate,
                warmUpRate * WARM_UP_SECONDS);
        vertx.runOnContext(ignored -> warmUp.start(vertx));
        warmUp.finished.get(WARM_UP_SECONDS + 60L, TimeUnit.SECONDS);

        double[][] quantilesByRun = new double[runs][];
        for (int r = 0; r < runs; r++) {
            counter.readBefore();
            long cpuBefore = processCpuNanos();
            Run run = new Run(client, pathTemplate, authorization(tokens, seconds), firstId, ids, rate, rate * seconds);
            vertx.runOnContext(ignored -> run.start(vertx));
            run.finished.get(seconds + 60L, TimeUnit.SECONDS);
            long cpuNanos = processCpuNanos() - cpuBefore;
            if (runs > 1) {
                System.out.printf("run %d of %d%n", r + 1, runs);
            }
            quantilesByRun[r] = run.print(cpuNanos);
            counter.printMovement();
        }
        if (runs > 1) {
            System.out.printf("median of %d runs: latency ms p50 %.2f  p95 %.2f  p99 %.2f%n", runs, median(quantilesByRun, 0),
                    median(quantilesByRun, 1), median(quantilesByRun, 2));
        }
        System.exit(0);
    }

    /** The tokens of load.user at load.issuer, or none (requests without a token) when load.issuer is not set. */
    private static TokenSource tokensFromSystemProperties() {
        String issuer = System.getProperty("load.issuer", "");
        if (issuer.isBlank()) {
            return null;
        }
        String user = System.getProperty("load.user", "admin-demo");
        return new TokenSource(URI.create(issuer), TokenSource.CLI_CLIENT, user, System.getProperty("load.password", "demo-" + user));
    }

    /** The Authorization header of a run of that many seconds (and the minute it may take to drain), or null without tokens. */
    private static String authorization(TokenSource tokens, int seconds) {
        return tokens == null ? null : tokens.authorizationValidFor(Duration.ofSeconds(seconds + 60L));
    }

    /** The first id and the count of the warm-up's ids: load.warm-up-ids (FIRST:COUNT), else the measured ones. */
    private static long[] warmUpIds(long firstId, int ids) {
        String range = System.getProperty("load.warm-up-ids", "");
        if (range.isBlank()) {
            return new long[] {firstId, ids};
        }
        String[] parts = range.split(":");
        return new long[] {Long.parseLong(parts[0].trim()), Integer.parseInt(parts[1].trim())};
    }

    private static double median(double[][] quantilesByRun, int quantile) {
        double[] values = Arrays.stream(quantilesByRun).mapToDouble(q -> q[quantile]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One timed run: every callback runs on the single event loop, so the counters need no synchronisation. */
    private static final class Run {
        private final HttpClient client;
        private final String pathTemplate;
        private final String authorization;
        private final long firstId;
        private final int ids;
        private final long periodNanos;
        private final int total;
        private final long[] latencyNanos;
        /** Each request's response status, 0 when it got none. */
        private final int[] statuses;
        private final Map<Integer, Integer> responsesByStatus = new TreeMap<>();
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private int failures;
        private int sent;
        private int completed;
        private long start;
        private long end;

        Run(HttpClient client, String pathTemplate, String authorization, long firstId, int ids, int rate, int total) {
            this.client = client;
            this.pathTemplate = pathTemplate;
            this.authorization = authorization;
            this.firstId = firstId;
            this.ids = ids;
            this.periodNanos = 1_000_000_000L / rate;
            this.total = total;
            this.latencyNanos = new long[total];
            this.statuses = new int[total];
        }

        void start(Vertx vertx) {
            start = System.nanoTime();
            vertx.setPeriodic(0, 1, timer -> {
                sendDue();
                if (sent == total) {
                    vertx.cancelTimer(timer);
                }
            });
        }

        /** Sends every request whose scheduled time has come, each timed from its own scheduled time. */
        private void sendDue() {
            long now = System.nanoTime();
            while (sent < total && start + sent * periodNanos <= now) {
                int i = sent++;
                long scheduled = start + i * periodNanos;
                String path = pathTemplate.replace("{id}", Long.toString(firstId + i % ids));
                client.request(HttpMethod.GET, path)
                        .compose(request -> {
                            if (authorization != null) {
                                request.putHeader("Authorization", authorization);
                            }
                            return request.send().compose(response -> response.end().map(done -> response));
                        })
                        .onComplete(result -> completed(i, scheduled, result));
            }
        }

        private void completed(int i, long scheduled, AsyncResult<HttpClientResponse> result) {
            latencyNanos[i] = System.nanoTime() - scheduled;
            if (result.succeeded()) {
                statuses[i] = result.result().statusCode();
                responsesByStatus.merge(statuses[i], 1, Integer::sum);
            } else {
                failures++;
            }
            if (++completed == total) {
                end = System.nanoTime();
                finished.complete(null);
            }
        }

        /** Prints the run's figures and returns its latency p50, p95 and p99 in ms. */
        double[] print(long cpuNanos) {
            double elapsed = (end - start) / 1e9;
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            System.out.printf("requests %d at %d/s for %.1f s: throughput %.0f/s, responses by status %s, failures (no response) %d%n",
                    total, 1_000_000_000L / periodNanos, elapsed, total / elapsed, responsesByStatus, failures);
            System.out.printf("latency ms p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
            for (int status : responsesByStatus.keySet()) {
                long[] ofStatus = latencies(status);
                System.out.printf("  status %d: %d responses, latency ms p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", status, ofStatus.length,
                        ms(ofStatus, 0.50), ms(ofStatus, 0.95), ms(ofStatus, 0.99), ofStatus[ofStatus.length - 1] / 1e6);
            }
            System.out.printf("load generator CPU %.3f ms per request%n", cpuNanos / 1e6 / total);
            return new double[] {ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99)};
        }

        /** The sorted latencies of the requests answered with this status. */
        private long[] latencies(int status) {
            long[] matching = new long[total];
            int n = 0;
            for (int i = 0; i < total; i++) {
                if (statuses[i] == status) {
                    matching[n++] = latencyNanos[i];
                }
            }
            long[] sorted = Arrays.copyOf(matching, n);
            Arrays.sort(sorted);
            return sorted;
        }

        private static double ms(long[] sorted, double quantile) {
            return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
        }
    }
}
