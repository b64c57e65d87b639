package com.commerceinsight.analytics.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ServiceUnavailableException;

import org.jboss.logging.Logger;

import com.commerceinsight.analytics.idempotency.IdempotencyKey;
import com.commerceinsight.analytics.idempotency.Replayable;
import com.commerceinsight.analytics.tracing.TraceParents;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Group commit of new orders. Requests queue here and a writer thread takes whatever has gathered (up to
 * {@link IngestConfig#maxBatchSize()}) and writes it in one transaction; each request returns when its batch has
 * committed, so an answered order is a stored order. Why: an order's transaction is a handful of small inserts and
 * summary updates, so one transaction per order spends its time in round trips, commits and waits for the day's
 * summary rows, which every order of a day updates. A batch pays those once; one writer per replica by
 * default ({@link IngestConfig#writers()}), so batches do not wait for each other's summary rows. Under light load a
 * batch is one order and nothing waits longer than its own write.
 */
@ApplicationScoped
public class OrderPlacementQueue {

    private static final Logger LOG = Logger.getLogger(OrderPlacementQueue.class);

    private final IdempotentPlacement placement;
    private final LockConflictRetry retry;
    private final IngestConfig config;
    private final BlockingQueue<Pending> waiting;
    private final DistributionSummary batchSizes;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    /** traceparent: the request's trace, taken on the request's thread, for the order's outbox row. */
    private record Pending(PlaceOrderRequest request, IdempotencyKey key, String traceparent,
                           CompletableFuture<Replayable<OrderAccepted>> result) {
    }

    public OrderPlacementQueue(IdempotentPlacement placement, LockConflictRetry retry, IngestConfig config, MeterRegistry metrics) {
        this.placement = placement;
        this.retry = retry;
        this.config = config;
        this.waiting = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batchSizes = DistributionSummary.builder("orders.ingest.batch.size")
                .description("orders written per transaction").register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        for (int i = 1; i <= config.writers(); i++) {
            Thread writer = new Thread(this::run, "order-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        for (Pending left; (left = waiting.poll()) != null; ) {
            left.result().completeExceptionally(new ServiceUnavailableException("the service is stopping"));
        }
    }

    /**
     * Places the order with the next batch, without waiting: the result completes when that batch has committed, or
     * fails with the order's refusal or the batch's failure. A full queue refuses at once (503): the caller is an
     * HTTP event loop, which must not wait for room. With an idempotency key, a retry of an order placed before
     * completes with that order (replayed) and writes nothing.
     */
    public CompletableFuture<Replayable<OrderAccepted>> submit(PlaceOrderRequest request, IdempotencyKey key) {
        Pending pending = new Pending(request, key, TraceParents.current(), new CompletableFuture<>());
        if (!running || !waiting.offer(pending)) {
            return CompletableFuture.failedFuture(
                    new ServiceUnavailableException("too many orders waiting to be written; try again shortly"));
        }
        return pending.result();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(config.maxBatchSize());
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, config.maxBatchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // write() completes every request of the batch; this only guards the thread.
                LOG.error("order writer failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<PlaceOrderRequest> requests = batch.stream().map(Pending::request).toList();
        List<IdempotencyKey> keys = batch.stream().map(Pending::key).toList();
        List<String> traceparents = batch.stream().map(Pending::traceparent).toList();
        List<PlacementOutcome> outcomes;
        try {
            outcomes = retry.run(() -> placement.placeOrders(requests, keys, traceparents));
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(failure);
                return;
            }
            // The batch was rolled back as a whole; written one by one, only the order that fails is refused.
            for (Pending pending : batch) {
                write(List.of(pending));
            }
            return;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PlacementOutcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                batch.get(i).result().completeExceptionally(outcome.refusal());
            } else {
                batch.get(i).result().complete(new Replayable<>(outcome.accepted(), outcome.replayed()));
            }
        }
    }
}
