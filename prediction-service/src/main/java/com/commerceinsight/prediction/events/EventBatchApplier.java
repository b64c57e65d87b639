package com.commerceinsight.prediction.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.consumer.OrderEventHandler;
import com.commerceinsight.orderevents.consumer.ProcessedEvents;
import com.commerceinsight.prediction.scoring.RepurchaseScoreEvent;
import com.commerceinsight.prediction.scoring.RepurchaseScoring;
import com.commerceinsight.prediction.scoring.ScorePublisher;
import com.commerceinsight.prediction.scoring.ServingVectors;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of events in one transaction, each event id at most once: ids already processed, and repeats
 * inside the batch, are skipped. Kafka delivers at least once, so redelivered events land here and change nothing.
 * The same transaction claims the new events and rescores the customers they name.
 */
@ApplicationScoped
public class EventBatchApplier implements OrderEventHandler {

    private final RepurchaseScoring scoring;
    private final ScorePublisher publisher;
    private final ServingVectors servingVectors;
    private final AgroalDataSource dataSource;
    private final ProcessedEvents processed;

    public EventBatchApplier(RepurchaseScoring scoring, ScorePublisher publisher, ServingVectors servingVectors,
                             AgroalDataSource dataSource, ProcessedEvents processed) {
        this.processed = processed;
        this.dataSource = dataSource;
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
    @Override
    public void apply(List<OrderEvent> events) {
        Applied applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(events));
        servingVectors.evict(applied.customers());
        publisher.publish(applied.scores());
    }

    private Applied applyOnce(List<OrderEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return new Applied(List.of(), List.of());
        }
        List<OrderEvent> fresh;
        // The transaction's connection: the claim commits or rolls back with the new scores below.
        try (Connection connection = dataSource.getConnection()) {
            fresh = processed.claim(connection, events); // repeats in the batch and events applied before are skipped
        }
        Map<Long, RepurchaseScoring.Touched> touched = new LinkedHashMap<>();
        for (OrderEvent event : fresh) {
            if (event.customerId() != null) {
                Set<Long> orders = touched.containsKey(event.customerId()) ? touched.get(event.customerId()).orderIds() : new HashSet<>();
                orders.add(event.orderId());
                touched.put(event.customerId(), new RepurchaseScoring.Touched(orders, event.eventId()));
            }
        }
        return new Applied(touched.keySet(), scoring.rescore(touched));
    }
}
