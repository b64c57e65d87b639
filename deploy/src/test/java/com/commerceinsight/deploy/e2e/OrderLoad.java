package com.commerceinsight.deploy.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.commerceinsight.deploy.identity.TokenSource;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Posts orders to analytics-service for the benchmarks, over keep-alive HTTP/1.1 connections from one Vert.x event
 * loop. Why not {@link OrdersApi}'s JDK client: the load generator shares the two cores with the system it measures,
 * and the JDK client, a thread per client and futures chained across its pools, cost about 1 ms of CPU per order,
 * as much as a consumer service; one event loop costs a fraction of that, so the figures say more about the system.
 * Every order must be answered 201; anything else fails the run. Orders carry admin-demo's token (an operator, who
 * may order for any customer), taken before each run valid for all of it, so the event loop never waits for the
 * identity provider in the middle of one.
 */
final class OrderLoad implements AutoCloseable {

    private static final String PATH = "/api/analytics/orders";

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    private final HttpClient client;
    private final TokenSource tokens;
    private volatile String authorization;

    OrderLoad(LocalSystem system, int connections) {
        tokens = system.tokens();
        var uri = system.uri("analytics-service", "");
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                .setKeepAlive(true).setConnectTimeout(5_000).setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** Orders {@code from} to {@code to - 1} with {@code concurrency} requests in flight at all times (a closed loop). */
    void postAll(int from, int to, int concurrency, IntFunction<String> order) throws Exception {
        authorization = tokens.authorizationValidFor(Duration.ofMinutes(20));
        ClosedLoop loop = new ClosedLoop(from, to, order);
        vertx.runOnContext(ignored -> {
            for (int i = 0; i < concurrency; i++) {
                loop.sendNext();
            }
        });
        loop.finished.get(1, TimeUnit.HOURS);
    }

    /** {@code perSecond * seconds} orders from {@code first} on, each sent at its scheduled time whatever the answers. */
    void postAtRate(int first, int perSecond, int seconds, IntFunction<String> order) throws Exception {
        int total = perSecond * seconds;
        long periodNanos = 1_000_000_000L / perSecond;
        Counter answered = new Counter(total);
        authorization = tokens.authorizationValidFor(Duration.ofSeconds(seconds + 120L));
        vertx.runOnContext(ignored -> {
            long start = System.nanoTime();
            int[] sent = {0};
            vertx.setPeriodic(0, 1, timer -> {
                long now = System.nanoTime();
                while (sent[0] < total && start + sent[0] * periodNanos <= now) {
                    post(order.apply(first + sent[0]++)).onComplete(result -> answered.record(result.cause()));
                }
                if (sent[0] == total) {
                    vertx.cancelTimer(timer);
                }
            });
        });
        answered.finished.get(seconds + 120L, TimeUnit.SECONDS);
    }

    private Future<Void> post(String body) {
        return client.request(HttpMethod.POST, PATH)
                .compose(request -> request.putHeader("Content-Type", "application/json").putHeader("Authorization", authorization)
                        .send(Buffer.buffer(body)))
                .compose(response -> response.body().compose(answer -> response.statusCode() == 201 ? Future.succeededFuture()
                        : Future.failedFuture(new IllegalStateException("POST " + PATH + " answered " + response.statusCode()
                                + ": " + answer))));
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Answers counted on the event loop; the first failure ends the run. */
    private static class Counter {
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final int total;
        private int answered;

        Counter(int total) {
            this.total = total;
        }

        void record(Throwable failure) {
            if (failure != null) {
                finished.completeExceptionally(failure);
            } else if (++answered == total) {
                finished.complete(null);
            }
        }
    }

    /** Sends the next order as each answer arrives, so that the number in flight stays the same. */
    private final class ClosedLoop extends Counter {
        private final IntFunction<String> order;
        private final int to;
        private int next;

        ClosedLoop(int from, int to, IntFunction<String> order) {
            super(to - from);
            this.next = from;
            this.to = to;
            this.order = order;
        }

        void sendNext() {
            if (next < to && !finished.isDone()) {
                post(order.apply(next++)).onComplete(result -> {
                    record(result.cause());
                    sendNext();
                });
            }
        }
    }
}
