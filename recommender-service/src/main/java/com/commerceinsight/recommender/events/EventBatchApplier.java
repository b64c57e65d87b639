package com.commerceinsight.recommender.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.consumer.OrderEventHandler;
import com.commerceinsight.orderevents.consumer.ProcessedEvents;
import com.commerceinsight.recommender.activity.BatchItems;
import com.commerceinsight.recommender.foldin.PurchaseFoldIn;
import com.commerceinsight.recommender.models.ModelActivation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of events in one transaction, each event id at most once: ids already processed, and repeats
 * inside the batch, are skipped. Kafka delivers at least once, so redelivered events land here and change nothing.
 * The same transaction claims the new events, adds their purchases to the customers' bought items and folds them into
 * the active model version, which it holds under a shared lock so that no activation runs meanwhile.
 */
@ApplicationScoped
public class EventBatchApplier implements OrderEventHandler {

    private final PurchaseFoldIn foldIn;
    private final AgroalDataSource dataSource;
    private final ProcessedEvents processed;

    public EventBatchApplier(PurchaseFoldIn foldIn, AgroalDataSource dataSource, ProcessedEvents processed) {
        this.processed = processed;
        this.foldIn = foldIn;
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
        foldIn.publish(QuarkusTransaction.requiringNew().call(() -> applyOnce(events)));
    }

    /** Applies the new events and folds their purchases into the buyers' vectors, in the caller's transaction. */
    private PurchaseFoldIn.Folded applyOnce(List<OrderEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return PurchaseFoldIn.Folded.NONE;
        }
        // Waits for an activation in progress; the version it names is the one this batch folds into.
        String activeVersion = ModelActivation.share();
        List<OrderEvent> fresh;
        // The transaction's connection: these statements commit or roll back with the fold-in below.
        try (Connection connection = dataSource.getConnection()) {
            fresh = processed.claim(connection, events); // repeats in the batch and events applied before are skipped
            BatchItems items = new BatchItems();
            fresh.forEach(items::add);
            items.write(connection);
        }
        return foldIn.foldIn(activeVersion, fresh);
    }
}
