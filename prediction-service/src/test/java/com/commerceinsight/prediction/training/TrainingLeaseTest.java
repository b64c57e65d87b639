package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.lease.DatabaseLease;
import com.commerceinsight.prediction.models.ModelVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One training at a time across replicas: a run while another replica holds the lease trains nothing. The lease's own
 * mechanics (one holder among simultaneous claims, renewal, takeover from a dead holder) are order-events'
 * DatabaseLeaseTest; the TrainingLease built here stands for another replica on the same database.
 */
@QuarkusTest
class TrainingLeaseTest {

    @Inject
    DataSource dataSource;

    @Inject
    TrainingJobs jobs;

    @AfterEach
    void freeTheLease() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE prediction.training_lease SET holder = NULL, expires_at = CURRENT_TIMESTAMP");
        }
    }

    @Test
    void aRunWhileAnotherReplicaTrainsIsSkippedAndTrainsNothing() throws Exception {
        TrainingLease otherReplica = new TrainingLease(dataSource, Duration.ofSeconds(30));
        long versionsBefore = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
        try (DatabaseLease.Hold training = otherReplica.tryAcquire().orElseThrow()) {
            TrainingJob job = jobs.runHere(new TrainingRequest(null, null, null, null));

            assertThat(job.status).isEqualTo(TrainingJob.Status.SKIPPED.name());
            assertThat(job.finishedAt).isNotNull();
        } finally {
            otherReplica.stop();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> ModelVersion.count())).isEqualTo(versionsBefore);
    }
}
