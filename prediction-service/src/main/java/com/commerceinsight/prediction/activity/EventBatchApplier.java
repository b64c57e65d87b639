package com.commerceinsight.prediction.activity;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.commerceinsight.prediction.events.OrderEvent;
import com.commerceinsight.prediction.scoring.RepurchaseScoreEvent;
import com.commerceinsight.prediction.scoring.RepurchaseScoring;
import com.commerceinsight.prediction.scoring.ScorePublisher;
import com.commerceinsight.prediction.scoring.ServingVectors;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of events in one transaction, each event id at most once: ids already processed, and repeats
 * inside the batch, are skipped. Kafka delivers at least once, so redelivered events land here and change nothing.
 */
@ApplicationScoped
public class EventBatchApplier {

    private final ActivityDeltas deltas;
    private final RepurchaseScoring scoring;
    private final ScorePublisher publisher;
    private final ServingVectors servingVectors;

    public EventBatchApplier(ActivityDeltas deltas, RepurchaseScoring scoring, ScorePublisher publisher, ServingVectors servingVectors) {
        this.deltas = deltas;
        this.scoring = scoring;
        this.publisher = publisher;
        this.servingVectors = servingVectors;
    }

    /** What a committed batch changed: the customers its events named, and their new scores to publish. */
    private record Applied(Collection<Long> customers, List<RepurchaseScoreEvent> scores) {
    }

    /**
     * Retried for transient database failures (deadlocks, a lost connection, two replicas racing on a row after
     * a rebalance); each attempt is a new transaction, which is why the transaction is opened here and not around
     * the retry. A failure that is not transient is retried too and then surfaces to the caller. After the commit this
     * replica's serving cache forgets the batch's customers, before the new scores tell the other replicas to.
     */
    @Retry(maxRetries = 3, delay = 100, jitter = 50)
    public void apply(List<OrderEvent> events) {
        Applied applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(events));
        servingVectors.evict(applied.customers());
        publisher.publish(applied.scores());
    }

    private Applied applyOnce(List<OrderEvent> events) throws java.sql.SQLException {
        if (events.isEmpty()) {
            return new Applied(List.of(), List.of());
        }
        Map<String, OrderEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId().toString(), event));
        Set<String> processed = ProcessedEvent.<ProcessedEvent>list("eventId in ?1", byId.keySet()).stream()
                .map(row -> row.eventId).collect(Collectors.toSet());
        // Taken before the commit, so freshness (processed_at - occurred_at) leaves out the commit itself.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<OrderEvent> fresh = byId.values().stream().filter(event -> !processed.contains(event.eventId().toString())).toList();
        BatchRows rows = BatchRows.load(fresh.stream().map(OrderEvent::customerId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        for (OrderEvent event : fresh) {
            deltas.apply(event, now, rows);
            ProcessedEvent row = new ProcessedEvent();
            row.eventId = event.eventId().toString();
            row.eventType = event.eventType();
            row.occurredAt = ActivityDeltas.utc(event.occurredAt());
            row.processedAt = now;
            row.persist();
        }
        Map<Long, java.util.UUID> touched = new LinkedHashMap<>();
        fresh.stream().filter(event -> event.customerId() != null).forEach(event -> touched.put(event.customerId(), event.eventId()));
        return new Applied(touched.keySet(), scoring.rescore(touched));
    }
}
