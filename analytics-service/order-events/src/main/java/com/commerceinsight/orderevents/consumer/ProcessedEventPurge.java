package com.commerceinsight.orderevents.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import com.commerceinsight.orderevents.jdbc.BatchedDelete;

/**
 * Keeps the service's processed_event table small: deletes the idempotency records claimed longer ago than
 * order-events.consumer.processed-retention, in batches of their own transaction each. The retention must exceed
 * the topic's retention (Event Hubs keeps 7 days on Standard): a record deleted while its event can still be
 * redelivered would let that event apply twice.
 */
@Singleton
public final class ProcessedEventPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPurge.class);

    private final DataSource dataSource;
    private final String deleteBatch;
    private final Duration retention;
    private final int batchSize;

    @Inject
    public ProcessedEventPurge(DataSource dataSource, @ConfigProperty(name = "order-events.consumer.schema") String schema,
            @ConfigProperty(name = "order-events.consumer.processed-retention", defaultValue = "P30D") Duration retention,
            @ConfigProperty(name = "order-events.consumer.purge-batch-size", defaultValue = "5000") int batchSize) {
        this.dataSource = dataSource;
        this.deleteBatch = deleteBatchSql(schema);
        this.retention = retention;
        this.batchSize = batchSize;
    }

    /** The batched delete for {@code schema}'s table (a plain identifier, checked as ProcessedEvents checks it). */
    static String deleteBatchSql(String schema) {
        ProcessedEvents.requirePlainSchema(schema);
        // TOP in a subquery is the common form of T-SQL and H2's MSSQLServer mode for a bounded delete.
        return "DELETE FROM " + schema + ".processed_event WHERE event_id IN (SELECT TOP (?) event_id FROM " + schema
                + ".processed_event WHERE processed_at < ?)";
    }

    @Scheduled(every = "${order-events.consumer.purge-every:1h}", delayed = "${order-events.consumer.purge-every:1h}",
            identity = "processed-event-purge", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        // processed_at is written from the JVM's UTC clock (ProcessedEvents), so the cutoff is taken from the same clock.
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(retention);
        try (Connection connection = dataSource.getConnection()) {
            long deleted = purgeBefore(connection, cutoff, batchSize);
            if (deleted > 0) {
                LOG.infof("processed-event purge: %,d records claimed before %s deleted", deleted, cutoff);
            }
        } catch (SQLException e) {
            LOG.warnf("processed-event purge failed (the next run tries again): %s", e.getMessage());
        }
    }

    /**
     * Deletes the records claimed before {@code cutoff} (UTC), batchSize per statement (each its own transaction on an
     * auto-commit connection); returns how many.
     */
    public long purgeBefore(Connection connection, LocalDateTime cutoff, int batchSize) throws SQLException {
        return BatchedDelete.olderThan(connection, deleteBatch, batchSize, cutoff);
    }
}
