package com.commerceinsight.analytics.outbox;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.commerceinsight.orderevents.OrderEventTopic;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * The right to publish the outbox, held by one replica at a time: a row that a replica claims with a conditional
 * UPDATE when it holds it already or the holder's lease has run out. A replica that dies loses it after the lease
 * duration. Expiry is set and compared by the database clock (CURRENT_TIMESTAMP), so replicas whose clocks disagree
 * still agree on who holds it. A round that runs long (a slow broker) keeps the lease: it is renewed in the background
 * while the round runs ({@link #heldDuring()}). One plain UPDATE works the same on SQL Server and H2, unlike the
 * engines' own lock functions.
 */
@ApplicationScoped
public class OutboxLease {

    private static final Logger LOG = Logger.getLogger(OutboxLease.class);
    private static final String CLAIM = "UPDATE commerce.outbox_relay_lease SET holder = ?, expires_at = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)"
            + " WHERE name = ? AND (holder = ? OR expires_at < CURRENT_TIMESTAMP)";
    private static final String RENEW = "UPDATE commerce.outbox_relay_lease SET expires_at = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)"
            + " WHERE name = ? AND holder = ?";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });
    /** When this replica last claimed or renewed the lease (nanoTime), or 0 when it does not hold it. */
    private long renewedAtNanos;

    public OutboxLease(DataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Claims or renews the lease; true when this replica holds it. A lease renewed less than a third of its
     * duration ago is still safely held, so the relay's frequent rounds do not each cost a database write.
     */
    public synchronized boolean tryHold() throws SQLException {
        if (renewedAtNanos != 0 && System.nanoTime() - renewedAtNanos < config.leaseDuration().toNanos() / 3) {
            return true;
        }
        long attemptNanos = System.nanoTime();
        boolean held = update(CLAIM, holder, seconds(), OrderEventTopic.NAME, holder) == 1;
        renewedAtNanos = held ? attemptNanos : 0;
        return held;
    }

    /**
     * Keeps the lease renewed, every third of its duration, until the returned handle is closed: a round that takes
     * longer than the lease (a broker slow to acknowledge) does not lose it to another replica midway.
     */
    public Renewal heldDuring() {
        long periodMillis = Math.max(1, config.leaseDuration().toMillis() / 3);
        return new Renewal(renewals.scheduleWithFixedDelay(this::renew, periodMillis, periodMillis, TimeUnit.MILLISECONDS));
    }

    synchronized void renew() {
        long attemptNanos = System.nanoTime();
        try {
            boolean held = update(RENEW, seconds(), OrderEventTopic.NAME, holder) == 1;
            renewedAtNanos = held ? attemptNanos : 0;
            if (!held) {
                LOG.warn("outbox relay lease was taken over by another replica during a round");
            }
        } catch (SQLException e) {
            // The next renewal tries again; the lease lasts three renewal periods.
            LOG.warnf("outbox relay lease not renewed: %s", e.getMessage());
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        // Auto-commit: H2's CURRENT_TIMESTAMP is the start of the transaction, so each statement gets one of its own.
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = ReusedStatements.prepare(connection, sql)) {
            connection.setAutoCommit(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private int seconds() {
        return (int) Math.max(1, config.leaseDuration().toSeconds());
    }

    public String holder() {
        return holder;
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
    }

    /** The background renewal of one round; closing it stops the renewals. */
    public static final class Renewal implements AutoCloseable {

        private final ScheduledFuture<?> task;

        private Renewal(ScheduledFuture<?> task) {
            this.task = task;
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }
}
