package com.commerceinsight.analytics.idempotency;

import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the stored answers of keys older than the retention, in small batches (each its own short transaction, so
 * the purge never holds many locks against the ingest). A retry after that is a new request.
 */
@ApplicationScoped
public class ExpiredKeyPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredKeyPurge.class);

    private final AgroalDataSource dataSource;
    private final IdempotencyConfig config;

    public ExpiredKeyPurge(AgroalDataSource dataSource, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${analytics.idempotency.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            purge(LocalDateTime.now(ZoneOffset.UTC).minus(config.retention()));
        } catch (Exception e) {
            LOG.warn("expired idempotency keys not purged this time", e);
        }
    }

    /** Deletes every stored answer created before {@code cutoff} (UTC); returns how many. */
    public long purge(LocalDateTime cutoff) throws java.sql.SQLException {
        long deleted = 0;
        int batch = config.purgeBatchSize();
        try (var connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE TOP (" + batch + ") FROM commerce.idempotent_request WHERE created_at < ?")) {
            connection.setAutoCommit(true);
            delete.setObject(1, cutoff);
            for (int removed = batch; removed == batch; ) {
                removed = delete.executeUpdate();
                deleted += removed;
            }
        }
        if (deleted > 0) {
            LOG.infof("purged %d idempotency keys older than %s", deleted, cutoff);
        }
        return deleted;
    }
}
