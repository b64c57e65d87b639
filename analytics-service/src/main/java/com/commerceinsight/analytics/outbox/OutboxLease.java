package com.commerceinsight.analytics.outbox;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.orderevents.OrderEventTopic;
import com.commerceinsight.analytics.jdbc.ReusedStatements;

/**
 * The right to publish the outbox, held by one replica at a time: a row that a replica claims with a conditional
 * UPDATE when it holds it already or the holder's lease has run out. A replica that dies loses it after the lease
 * duration. One plain UPDATE works the same on SQL Server and H2, unlike the engines' own lock functions.
 */
@ApplicationScoped
public class OutboxLease {

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    /** When this replica last renewed the lease (nanoTime), or 0 when it does not hold it. */
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
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = ReusedStatements.prepare(connection, "UPDATE commerce.outbox_relay_lease "
                     + "SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
            claim.setString(1, holder);
            claim.setObject(2, now.plus(config.leaseDuration()));
            claim.setString(3, OrderEventTopic.NAME);
            claim.setString(4, holder);
            claim.setObject(5, now);
            boolean held = claim.executeUpdate() == 1;
            renewedAtNanos = held ? attemptNanos : 0;
            return held;
        }
    }

    public String holder() {
        return holder;
    }
}
