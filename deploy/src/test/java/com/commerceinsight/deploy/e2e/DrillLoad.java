package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.commerceinsight.deploy.identity.TokenSource;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The steady order load a drill runs under: {@code perSecond} orders a second, each sent at its scheduled time whatever
 * the answers (an open loop, so an outage does not slow the load down), to the running analytics-service instances in
 * turn. It behaves as a careful client does: every order carries an {@code Idempotency-Key}, and a 503 or 429 with
 * {@code Retry-After}, a connection refused or reset, or no answer within 10 s, is sent again with the same key after a
 * pause, until a 201 or the order's deadline. It records what the drills judge: the orders answered 201 (with their
 * ids), every 5xx that is not a 503 with {@code Retry-After}, other refusals, orders given up, and when each 201 came.
 */
final class DrillLoad implements AutoCloseable {

    private static final String PATH = "/api/analytics/orders";
    private static final long REQUEST_TIMEOUT_MILLIS = 10_000;
    /** How long an order keeps being retried after the load stops: the drills end well within it. */
    private static final Duration RETRY_WINDOW = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
            new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(-1));
    private final String keyPrefix;
    private final ShopFixture shop;
    private final Supplier<List<URI>> instances;
    private final TokenSource tokens;

    private final Map<Integer, Long> acceptedOrderIds = new ConcurrentHashMap<>();
    private final Map<Integer, Long> acceptedAtNanos = new ConcurrentHashMap<>();
    private final List<String> badServerErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger retryable503 = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final AtomicInteger givenUp = new AtomicInteger();
    private final AtomicInteger settled = new AtomicInteger();
    private volatile boolean stopped;
    private volatile int sent;
    private volatile long retryDeadlineNanos;

    /**
     * @param keyPrefix the drill's name: the idempotency keys are {@code keyPrefix-N}, so the database tells which
     *                  orders of the drill were written
     * @param instances the analytics-service base URIs to send to, asked again for each attempt (instances come and go)
     */
    DrillLoad(LocalSystem system, String keyPrefix, ShopFixture shop, Supplier<List<URI>> instances, Duration longest) {
        this.keyPrefix = keyPrefix;
        this.shop = shop;
        this.instances = instances;
        // Fetched ahead of the load so the event loop never waits for the identity provider; refreshed before expiry
        // (a soak outlasts one token).
        this.tokens = system.tokens();
        tokens.authorization();
    }

    /**
     * Starts sending {@code perSecond} orders a second and returns at once; the load ends with {@link #stop()}, or
     * after {@code longest} at the latest.
     */
    void start(int perSecond, Duration longest) {
        long periodNanos = 1_000_000_000L / perSecond;
        long cap = perSecond * longest.toSeconds();
        retryDeadlineNanos = System.nanoTime() + longest.toNanos() + RETRY_WINDOW.toNanos();
        vertx.runOnContext(ignored -> {
            long start = System.nanoTime();
            vertx.setPeriodic(0, 1, timer -> {
                long now = System.nanoTime();
                while (!stopped && sent < cap && start + sent * periodNanos <= now) {
                    attempt(sent++, 0);
                }
                if (stopped || sent >= cap) {
                    vertx.cancelTimer(timer);
                }
            });
        });
    }

    /** Sends no new orders from now on; those sent keep being retried until answered. */
    void stop() {
        stopped = true;
    }

    /**
     * Stops the load and waits until every order sent has been answered 201, refused or given up (an order is retried
     * {@link #RETRY_WINDOW} at most after the stop).
     */
    void awaitSettled() throws InterruptedException {
        stop();
        Thread.sleep(50); // the event loop sees the stop before the count is read
        retryDeadlineNanos = Math.min(retryDeadlineNanos, System.nanoTime() + RETRY_WINDOW.toNanos());
        long deadline = System.nanoTime() + RETRY_WINDOW.toNanos() + TimeUnit.SECONDS.toNanos(30);
        while (settled.get() < sent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((sent - settled.get()) + " orders neither answered nor given up");
            }
            Thread.sleep(100);
        }
    }

    private void attempt(int n, int attempt) {
        List<URI> targets = instances.get();
        URI target = targets.get((n + attempt) % targets.size());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.getHost()).setPort(target.getPort())
                .setURI(PATH).setTimeout(REQUEST_TIMEOUT_MILLIS)
                .putHeader("Content-Type", "application/json").putHeader("Authorization", tokens.authorization())
                .putHeader("Idempotency-Key", keyPrefix + "-" + n);
        client.request(request)
                .compose(req -> req.send(Buffer.buffer(order(n))))
                .compose(response -> response.body().map(body -> answer(n, attempt, response, body.toString())))
                .onFailure(failure -> {
                    connectionFailures.incrementAndGet();
                    retryLater(n, attempt, backOffMillis(attempt), "no answer: " + failure.getMessage());
                });
    }

    private Void answer(int n, int attempt, HttpClientResponse response, String body) {
        int status = response.statusCode();
        String retryAfter = response.getHeader("Retry-After");
        if (status == 201) {
            try {
                acceptedOrderIds.put(n, JSON.readTree(body).get("orderId").asLong());
            } catch (Exception unreadable) {
                refusals.add("order " + n + ": 201 with an unreadable body " + body);
            }
            acceptedAtNanos.put(n, System.nanoTime());
            settled.incrementAndGet();
        } else if ((status == 503 || status == 429) && retryAfter != null) {
            if (status == 503) {
                retryable503.incrementAndGet();
            }
            retryLater(n, attempt, 1_000L * Math.max(1, Math.min(5, parseSeconds(retryAfter))), status + " " + body);
        } else if (status >= 500) {
            badServerErrors.add("order " + n + " attempt " + attempt + ": " + status + (retryAfter == null ? " without Retry-After" : "") + " " + body);
            retryLater(n, attempt, backOffMillis(attempt), status + " " + body);
        } else {
            refusals.add("order " + n + ": " + status + " " + body);
            settled.incrementAndGet();
        }
        return null;
    }

    private void retryLater(int n, int attempt, long delayMillis, String why) {
        if (System.nanoTime() + delayMillis * 1_000_000 > retryDeadlineNanos) {
            givenUp.incrementAndGet();
            refusals.add("order " + n + " given up after " + (attempt + 1) + " attempts; last: " + why);
            settled.incrementAndGet();
            return;
        }
        vertx.setTimer(delayMillis, ignored -> attempt(n, attempt + 1));
    }

    /**
     * Exponential back-off with jitter, 250 ms doubling to 5 s: while an instance restarts, thousands of orders wait to
     * be sent again, and a fixed short pause would turn them into a storm against the instance that comes back.
     */
    private static long backOffMillis(int attempt) {
        return Math.min(5_000, 250L << Math.min(attempt, 5)) + java.util.concurrent.ThreadLocalRandom.current().nextLong(250);
    }

    private static long parseSeconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException date) {
            return 1;
        }
    }

    /** Order {@code n}: one of the drill shop's customers, one to three lines, a succeeded card payment. */
    private String order(int n) {
        SplittableRandom random = new SplittableRandom(n);
        long customer = shop.customerIds().get(random.nextInt(shop.customerIds().size()));
        StringBuilder lines = new StringBuilder();
        int lineCount = 1 + random.nextInt(3);
        for (int i = 0; i < lineCount; i++) {
            long product = shop.productIds().get(random.nextInt(shop.productIds().size()));
            lines.append(i == 0 ? "" : ",").append("{\"productId\":").append(product)
                    .append(",\"quantity\":").append(1 + random.nextInt(3)).append('}');
        }
        return "{\"customerId\":" + customer + ",\"currency\":\"EUR\",\"lines\":[" + lines
                + "],\"payment\":{\"method\":\"credit_card\",\"status\":\"succeeded\"}}";
    }

    String keyPrefix() {
        return keyPrefix;
    }

    /** Orders sent (each once, whatever its retries). */
    int sent() {
        return sent;
    }

    /** Order ids of the orders answered 201, by order number. */
    Map<Integer, Long> acceptedOrderIds() {
        return Map.copyOf(acceptedOrderIds);
    }

    int acceptedCount() {
        return acceptedOrderIds.size();
    }

    /** Whether some order was answered 201 at or after {@code nanoTime}, and when the first was. */
    long firstAcceptedAtOrAfter(long nanoTime) {
        return acceptedAtNanos.values().stream().mapToLong(Long::longValue).filter(at -> at >= nanoTime).min().orElse(-1);
    }

    List<String> badServerErrors() {
        return List.copyOf(badServerErrors);
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    int retryable503() {
        return retryable503.get();
    }

    int connectionFailures() {
        return connectionFailures.get();
    }

    int givenUp() {
        return givenUp.get();
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
