package com.commerceinsight.analytics.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.commerceinsight.orderevents.jdbc.BatchedDelete;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps commerce.outbox_event small: deletes rows published longer ago than analytics.outbox.published-retention (and
 * applied by the order projector), in batches of their own transaction each. Unpublished rows are never touched, however old.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    // By id through the (published_at, id) index; TOP in a subquery is the common form of T-SQL and H2's MSSQLServer mode.
    // A row the order projector has not applied yet stays, however long ago it was published.
    private static final String DELETE_BATCH = "DELETE FROM commerce.outbox_event WHERE id IN"
            + " (SELECT TOP (?) id FROM commerce.outbox_event WHERE published_at < ? AND projected_at IS NOT NULL"
            + " ORDER BY published_at, id)";

    private final DataSource dataSource;
    private final OutboxConfig config;

    public OutboxPurge(DataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${analytics.outbox.purge-every}", delayed = "${analytics.outbox.purge-every}",
            identity = "outbox-purge", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        // published_at is written from the JVM's UTC clock (OutboxStore), so the cutoff is taken from the same clock.
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(config.publishedRetention());
        try {
            long deleted = purgePublishedBefore(cutoff, config.purgeBatchSize());
            if (deleted > 0) {
                LOG.infof("outbox purge: %,d rows published before %s deleted", deleted, cutoff);
            }
        } catch (SQLException e) {
            LOG.warnf("outbox purge failed (the next run tries again): %s", e.getMessage());
        }
    }

    /** Deletes every row published before {@code cutoff} (UTC), batchSize rows per transaction; returns how many. */
    public long purgePublishedBefore(LocalDateTime cutoff, int batchSize) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return BatchedDelete.olderThan(connection, DELETE_BATCH, batchSize, cutoff);
        }
    }
}
