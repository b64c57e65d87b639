package com.commerceinsight.segmentation.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.consumer.OrderEventHandler;
import com.commerceinsight.orderevents.consumer.ProcessedEvents;
import com.commerceinsight.segmentation.scoring.SegmentReassigner;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of events in one transaction, each event id at most once: ids already processed, and repeats
 * inside the batch, are skipped. Kafka delivers at least once, so redelivered events land here and change nothing.
 * The same transaction claims the new events and reassigns the customers they name.
 */
@ApplicationScoped
public class EventBatchApplier implements OrderEventHandler {

    private final SegmentReassigner segments;
    private final AgroalDataSource dataSource;
    private final ProcessedEvents processed;

    public EventBatchApplier(SegmentReassigner segments, AgroalDataSource dataSource, ProcessedEvents processed) {
        this.processed = processed;
        this.segments = segments;
        this.dataSource = dataSource;
    }

    /**
     * Retried for transient database failures (deadlocks, a lost connection, two replicas racing on a row after
     * a rebalance); each attempt is a new transaction, which is why the transaction is opened here and not around
     * the retry. A failure that is not transient is retried too and then surfaces to the caller.
     */
    @Retry(maxRetries = 3, delay = 100, jitter = 50)
    @Override
    public void apply(List<OrderEvent> events) {
        QuarkusTransaction.requiringNew().call(() -> {
            applyOnce(events);
            return null;
        });
    }

    private void applyOnce(List<OrderEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        List<OrderEvent> fresh;
        // The transaction's connection: the claim commits or rolls back with the segment updates below.
        try (Connection connection = dataSource.getConnection()) {
            fresh = processed.claim(connection, events); // repeats in the batch and events applied before are skipped
        }
        segments.apply(fresh);
    }
}
