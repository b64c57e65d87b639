package com.commerceinsight.prediction.training;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * The right to train, held by one run at a time across every replica and job of this service: a row in
 * prediction.training_lease that a run claims with one conditional UPDATE when nobody holds it or the holder's lease
 * has expired, and renews while it trains. Expiry is read from the database clock (CURRENT_TIMESTAMP), so replicas
 * whose clocks disagree still agree on it; a run that dies loses the lease after one lease duration.
 */
@ApplicationScoped
public class TrainingLease {

    private static final Logger LOG = Logger.getLogger(TrainingLease.class);
    static final String REPURCHASE = "repurchase";

    private final DataSource dataSource;
    private final Duration duration;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "training-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public TrainingLease(DataSource dataSource, TrainingConfig config) {
        this(dataSource, config.leaseDuration());
    }

    TrainingLease(DataSource dataSource, Duration duration) {
        this.dataSource = dataSource;
        this.duration = duration;
    }

    /** Claims the lease for one run; empty when another run holds it. The hold renews itself until closed. */
    public Optional<Hold> tryAcquire() throws SQLException {
        String holder = UUID.randomUUID().toString();
        int taken = update("UPDATE prediction.training_lease SET holder = ?, expires_at = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)"
                + " WHERE name = ? AND (holder IS NULL OR expires_at < CURRENT_TIMESTAMP)", holder, seconds(), REPURCHASE);
        if (taken == 0) {
            return Optional.empty();
        }
        Hold hold = new Hold(holder);
        long renewMillis = Math.max(1, duration.toMillis() / 3);
        hold.renewal = renewals.scheduleWithFixedDelay(hold::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        return Optional.of(hold);
    }

    private int seconds() {
        return (int) Math.max(1, duration.toSeconds());
    }

    /** Who holds the lease now, if anyone (for messages). */
    public Optional<String> currentHolder() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT holder FROM prediction.training_lease"
                     + " WHERE name = ? AND holder IS NOT NULL AND expires_at >= CURRENT_TIMESTAMP")) {
            query.setString(1, REPURCHASE);
            try (var rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Runs one UPDATE in a transaction of its own (H2's CURRENT_TIMESTAMP is a transaction's start) and counts the rows. */
    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
    }

    /** One run's hold on the lease: renewed in the background until closed, then released for the next run. */
    public final class Hold implements AutoCloseable {

        private final String holder;
        private ScheduledFuture<?> renewal;
        private volatile boolean lost;

        private Hold(String holder) {
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }

        /** Whether a renewal found the lease taken by another run (this one ran past an expiry it could not renew). */
        public boolean lost() {
            return lost;
        }

        void renew() {
            try {
                if (update("UPDATE prediction.training_lease SET expires_at = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)"
                        + " WHERE name = ? AND holder = ?", seconds(), REPURCHASE, holder) == 0) {
                    lost = true;
                    LOG.warnf("training lease %s was taken over by another run", holder);
                }
            } catch (SQLException e) {
                // The next renewal tries again; the lease lasts three renewal intervals.
                LOG.warnf("training lease %s not renewed: %s", holder, e.getMessage());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                update("UPDATE prediction.training_lease SET holder = NULL, expires_at = CURRENT_TIMESTAMP"
                        + " WHERE name = ? AND holder = ?", REPURCHASE, holder);
            } catch (SQLException e) {
                LOG.warnf("training lease %s not released (it expires by itself): %s", holder, e.getMessage());
            }
        }
    }
}
