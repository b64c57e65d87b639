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

import com.commerceinsight.analytics.events.OrderEventTopic;

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

    public OutboxLease(DataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Claims or renews the lease; true when this replica holds it until now + lease duration. */
    public boolean tryHold() throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("UPDATE commerce.outbox_relay_lease "
                     + "SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
            claim.setString(1, holder);
            claim.setObject(2, now.plus(config.leaseDuration()));
            claim.setString(3, OrderEventTopic.NAME);
            claim.setString(4, holder);
            claim.setObject(5, now);
            return claim.executeUpdate() == 1;
        }
    }

    public String holder() {
        return holder;
    }
}
