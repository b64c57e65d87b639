package com.commerceinsight.prediction.training;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.commerceinsight.orderevents.lease.DatabaseLease;

/**
 * The right to train, held by one run at a time across every replica and job of this service: the row
 * {@value #REPURCHASE} of prediction.training_lease, claimed and renewed by the database clock ({@link DatabaseLease}).
 */
@ApplicationScoped
public class TrainingLease {

    static final String REPURCHASE = "repurchase";

    private final DatabaseLease lease;

    @Inject
    public TrainingLease(DataSource dataSource, TrainingConfig config) {
        this(dataSource, config.leaseDuration());
    }

    TrainingLease(DataSource dataSource, Duration duration) {
        this.lease = new DatabaseLease(dataSource, "prediction.training_lease", REPURCHASE, duration);
    }

    /** Claims the lease for one run; empty when another run holds it. The hold renews itself until closed. */
    public Optional<DatabaseLease.Hold> tryAcquire() throws SQLException {
        return lease.tryAcquire();
    }

    /** Who holds the lease now, if anyone (for messages). */
    public Optional<String> currentHolder() throws SQLException {
        return lease.currentHolder();
    }

    @PreDestroy
    void stop() {
        lease.close();
    }
}
