package com.commerceinsight.analytics.idempotency;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.commerceinsight.orderevents.jdbc.BatchedDelete;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the stored answers of keys older than the retention, in small batches (each its own short transaction, so
 * the purge never holds many locks against the ingest). A retry after that is a new request.
 */
@ApplicationScoped
public class ExpiredKeyPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredKeyPurge.class);

    private static final String DELETE_BATCH = "DELETE TOP (?) FROM commerce.idempotent_request WHERE created_at < ?";

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
        long deleted;
        try (var connection = dataSource.getConnection()) {
            deleted = BatchedDelete.olderThan(connection, DELETE_BATCH, config.purgeBatchSize(), cutoff);
        }
        if (deleted > 0) {
            LOG.infof("purged %d idempotency keys older than %s", deleted, cutoff);
        }
        return deleted;
    }

}
