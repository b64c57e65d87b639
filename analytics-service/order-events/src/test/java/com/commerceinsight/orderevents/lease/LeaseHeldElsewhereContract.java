package com.commerceinsight.orderevents.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a service does with its lease while another replica holds it: the run is skipped, its job row says so, and it
 * adds nothing. The lease's own mechanics are DatabaseLeaseTest's; the DatabaseLease built here stands for another
 * replica on the same database. Each ML service's {@code TrainingLeaseTest} extends it with its lease row, how it
 * runs a training on the test's thread and what a training adds.
 */
public abstract class LeaseHeldElsewhereContract {

    /** What a run left in its job row: its status and whether it is marked finished. */
    public record RunOutcome(String status, boolean finished) {
    }

    private final String leaseTable;
    private final String leaseName;

    /**
     * @param leaseTable the service's lease table, schema-qualified
     * @param leaseName  the row of it the service's runs take
     */
    protected LeaseHeldElsewhereContract(String leaseTable, String leaseName) {
        this.leaseTable = leaseTable;
        this.leaseName = leaseName;
    }

    /** Runs the work the lease guards (a training job) on this thread. */
    protected abstract RunOutcome runHere();

    /** How many results (model versions) the work has added so far. */
    protected abstract long results();

    private DataSource dataSource() {
        return CDI.current().select(DataSource.class).get();
    }

    @AfterEach
    void freeTheLease() throws Exception {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + leaseTable + " SET holder = NULL, expires_at = CURRENT_TIMESTAMP");
        }
    }

    @Test
    void aRunWhileAnotherReplicaTrainsIsSkippedAndTrainsNothing() throws Exception {
        DatabaseLease otherReplica = new DatabaseLease(dataSource(), leaseTable, leaseName, Duration.ofSeconds(30));
        long resultsBefore = results();
        try (DatabaseLease.Hold training = otherReplica.tryAcquire().orElseThrow()) {
            RunOutcome run = runHere();

            assertThat(run.status()).isEqualTo("SKIPPED");
            assertThat(run.finished()).isTrue();
        } finally {
            otherReplica.close();
        }
        assertThat(results()).isEqualTo(resultsBefore);
    }
}
