package com.commerceinsight.analytics.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay's lease by the database clock: each OutboxLease built here stands for a replica of its own (its own
 * holder). The relay itself is off in tests, so nothing else touches the lease row.
 */
@QuarkusTest
class OutboxLeaseTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @AfterEach
    void freeTheLease() throws Exception {
        setLease("nobody", -1);
    }

    @Test
    void oneReplicaHoldsTheLeaseAndAnotherWaits() throws Exception {
        OutboxLease first = new OutboxLease(dataSource, config);
        OutboxLease second = new OutboxLease(dataSource, config);
        try {
            assertThat(first.tryHold()).isTrue();
            assertThat(second.tryHold()).isFalse();
            assertThat(first.tryHold()).as("the holder keeps it").isTrue();
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void expiryIsReadFromTheDatabaseClock() throws Exception {
        OutboxLease replica = new OutboxLease(dataSource, config);
        try {
            setLease("another replica", 30);
            assertThat(replica.tryHold()).as("held by another until 30 s from the database's now").isFalse();
            setLease("another replica", -1);
            assertThat(replica.tryHold()).as("expired a second ago by the database's now").isTrue();
        } finally {
            replica.stop();
        }
    }

    @Test
    void aRoundLongerThanTheLeaseKeepsItWhileItRuns() throws Exception {
        OutboxConfig shortLease = new ShortLease(config, Duration.ofSeconds(2));
        OutboxLease relay = new OutboxLease(dataSource, shortLease);
        OutboxLease other = new OutboxLease(dataSource, shortLease);
        try {
            assertThat(relay.tryHold()).isTrue();
            try (OutboxLease.Renewal round = relay.heldDuring()) {
                Thread.sleep(3_500); // a slow round: longer than the lease
                assertThat(other.tryHold()).as("renewed during the round").isFalse();
            }
            Thread.sleep(2_500); // no renewal after the round: the lease runs out
            assertThat(other.tryHold()).isTrue();
        } finally {
            relay.stop();
            other.stop();
        }
    }

    private void setLease(String holder, int secondsFromNow) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE commerce.outbox_relay_lease SET holder = '" + holder + "', expires_at = DATEADD(SECOND, "
                    + secondsFromNow + ", CURRENT_TIMESTAMP)");
        }
    }

    /** The service's outbox settings with a shorter lease. */
    private record ShortLease(OutboxConfig base, Duration leaseDuration) implements OutboxConfig {
        public boolean relayEnabled() { return base.relayEnabled(); }
        public Duration pollInterval() { return base.pollInterval(); }
        public Duration markInterval() { return base.markInterval(); }
        public Duration retryInterval() { return base.retryInterval(); }
        public int batchSize() { return base.batchSize(); }
        public Duration sendTimeout() { return base.sendTimeout(); }
        public Duration publishedRetention() { return base.publishedRetention(); }
        public Duration purgeEvery() { return base.purgeEvery(); }
        public int purgeBatchSize() { return base.purgeBatchSize(); }
    }
}
