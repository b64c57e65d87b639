package com.commerceinsight.segmentation.activity;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.commerceinsight.segmentation.events.OrderEvent;
import com.commerceinsight.segmentation.scoring.SegmentReassigner;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of events in one transaction, each event id at most once: ids already processed, and repeats
 * inside the batch, are skipped. Kafka delivers at least once, so redelivered events land here and change nothing.
 * The same transaction updates the customers' activity and their segments.
 */
@ApplicationScoped
public class EventBatchApplier {

    private final ActivityDeltas deltas;
    private final SegmentReassigner segments;

    public EventBatchApplier(ActivityDeltas deltas, SegmentReassigner segments) {
        this.deltas = deltas;
        this.segments = segments;
    }

    /**
     * Retried for transient database failures (deadlocks, a lost connection, two replicas racing on a row after
     * a rebalance); each attempt is a new transaction, which is why the transaction is opened here and not around
     * the retry. A failure that is not transient is retried too and then surfaces to the caller.
     */
    @Retry(maxRetries = 3, delay = 100, jitter = 50)
    public void apply(List<OrderEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> applyOnce(events));
    }

    private void applyOnce(List<OrderEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, OrderEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId().toString(), event));
        Set<String> processed = BatchRows.stored(ProcessedEvent.class, byId.keySet()).stream()
                .map(row -> row.eventId).collect(Collectors.toSet());
        // Taken before the commit, so freshness (processed_at - occurred_at) leaves out the commit itself.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<OrderEvent> fresh = byId.values().stream().filter(event -> !processed.contains(event.eventId().toString())).toList();
        BatchRows rows = BatchRows.load(fresh);
        for (OrderEvent event : fresh) {
            deltas.apply(event, now, rows);
            ProcessedEvent row = new ProcessedEvent();
            row.eventId = event.eventId().toString();
            row.eventType = event.eventType();
            row.occurredAt = ActivityDeltas.utc(event.occurredAt());
            row.processedAt = now;
            row.persist();
        }
        segments.apply(fresh);
    }
}
