package com.commerceinsight.orderevents.lease;

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

import org.jboss.logging.Logger;

/**
 * A right held by one run at a time across every replica and job of a service: a named row of a lease table
 * ({@code name}, {@code holder}, {@code expires_at}) that a run claims with one conditional UPDATE when nobody holds it
 * or the holder's lease has expired, and renews while it works. Expiry is read from the database clock
 * (CURRENT_TIMESTAMP), so replicas whose clocks disagree still agree on it; a run that dies loses the lease after one
 * lease duration. The three ML services hold their training leases with it, through {@link ServiceLease}.
 */
public final class DatabaseLease implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DatabaseLease.class);

    private final DataSource dataSource;
    private final String table;
    private final String name;
    private final Duration duration;
    private final ScheduledExecutorService renewals;

    /** @param table the lease table, schema-qualified (a constant of the caller, never input) */
    public DatabaseLease(DataSource dataSource, String table, String name, Duration duration) {
        this.dataSource = dataSource;
        this.table = table;
        this.name = name;
        this.duration = duration;
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Claims the lease for one run; empty when another run holds it. The hold renews itself until closed. */
    public Optional<Hold> tryAcquire() throws SQLException {
        String holder = UUID.randomUUID().toString();
        int taken = update("UPDATE " + table + " SET holder = ?, expires_at = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)"
                + " WHERE name = ? AND (holder IS NULL OR expires_at < CURRENT_TIMESTAMP)", holder, seconds(), name);
        if (taken == 0) {
            return Optional.empty();
        }
        Hold hold = new Hold(holder);
        long renewMillis = Math.max(1, duration.toMillis() / 3);
        hold.renewal = renewals.scheduleWithFixedDelay(hold::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        return Optional.of(hold);
    }

    /**
     * Runs the work while holding the lease, then releases it, and answers true; answers false, running nothing, while
     * another run holds it. The work's own exceptions pass through after the release.
     */
    public boolean runHolding(Runnable work) throws SQLException {
        Optional<Hold> hold = tryAcquire();
        if (hold.isEmpty()) {
            return false;
        }
        try (Hold held = hold.get()) {
            work.run();
        }
        return true;
    }

    /** Who holds the lease now, if anyone (for messages). */
    public Optional<String> currentHolder() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT holder FROM " + table
                     + " WHERE name = ? AND holder IS NOT NULL AND expires_at >= CURRENT_TIMESTAMP")) {
            query.setString(1, name);
            try (var rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Stops renewing every hold of this lease object (the service is stopping). */
    @Override
    public void close() {
        renewals.shutdownNow();
    }

    private int seconds() {
        return (int) Math.max(1, duration.toSeconds());
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
                if (update("UPDATE " + table + " SET expires_at = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)"
                        + " WHERE name = ? AND holder = ?", seconds(), name, holder) == 0) {
                    lost = true;
                    LOG.warnf("%s lease %s was taken over by another run", name, holder);
                }
            } catch (SQLException e) {
                // The next renewal tries again; the lease lasts three renewal intervals.
                LOG.warnf("%s lease %s not renewed: %s", name, holder, e.getMessage());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                update("UPDATE " + table + " SET holder = NULL, expires_at = CURRENT_TIMESTAMP"
                        + " WHERE name = ? AND holder = ?", name, holder);
            } catch (SQLException e) {
                LOG.warnf("%s lease %s not released (it expires by itself): %s", name, holder, e.getMessage());
            }
        }
    }
}
