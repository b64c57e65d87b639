package com.commerceinsight.recommender.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.lease.DatabaseLease;
import com.commerceinsight.recommender.models.ModelVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One training at a time across replicas: each TrainingLease built here stands for another replica on the same
 * database (its own holder ids, its own renewal thread).
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
            statement.executeUpdate("UPDATE recommender.training_lease SET holder = NULL, expires_at = CURRENT_TIMESTAMP");
        }
    }

    @Test
    void twoReplicasAskingAtTheSameMomentGetOneLease() throws Exception {
        TrainingLease first = new TrainingLease(dataSource, Duration.ofSeconds(30));
        TrainingLease second = new TrainingLease(dataSource, Duration.ofSeconds(30));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<DatabaseLease.Hold>>> attempts = threads.invokeAll(List.<Callable<Optional<DatabaseLease.Hold>>>of(
                    () -> { together.await(); return first.tryAcquire(); },
                    () -> { together.await(); return second.tryAcquire(); }));
            List<DatabaseLease.Hold> held = attempts.stream().map(TrainingLeaseTest::get).flatMap(Optional::stream).toList();
            assertThat(held).hasSize(1);
            held.get(0).close();
        } finally {
            threads.shutdownNow();
            first.stop();
            second.stop();
        }
    }

    @Test
    void aRunWhileAnotherReplicaTrainsIsSkippedAndTrainsNothing() throws Exception {
        TrainingLease otherReplica = new TrainingLease(dataSource, Duration.ofSeconds(30));
        long versionsBefore = QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
        try (DatabaseLease.Hold training = otherReplica.tryAcquire().orElseThrow()) {
            TrainingJobView job = jobs.runHere(null, TrainingJob.Trigger.COMMAND);

            assertThat(job.status()).isEqualTo(TrainingJob.Status.SKIPPED);
            assertThat(job.finishedAt()).isNotNull();
        } finally {
            otherReplica.stop();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> ModelVersion.count())).isEqualTo(versionsBefore);
    }

    @Test
    void aHolderThatRenewsKeepsTheLeasePastItsDurationAndReleasesIt() throws Exception {
        TrainingLease holder = new TrainingLease(dataSource, Duration.ofSeconds(2));
        TrainingLease other = new TrainingLease(dataSource, Duration.ofSeconds(2));
        try {
            DatabaseLease.Hold hold = holder.tryAcquire().orElseThrow();
            Thread.sleep(3_500); // longer than the lease: only the renewals keep it
            assertThat(other.tryAcquire()).isEmpty();
            assertThat(hold.lost()).isFalse();
            hold.close();
            Optional<DatabaseLease.Hold> next = other.tryAcquire();
            assertThat(next).isPresent();
            next.get().close();
        } finally {
            holder.stop();
            other.stop();
        }
    }

    @Test
    void aLeaseWhoseHolderDiedIsTakenOver() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE recommender.training_lease SET holder = 'a replica that died',"
                    + " expires_at = DATEADD(SECOND, -1, CURRENT_TIMESTAMP)");
        }
        TrainingLease lease = new TrainingLease(dataSource, Duration.ofSeconds(30));
        try {
            Optional<DatabaseLease.Hold> hold = lease.tryAcquire();
            assertThat(hold).isPresent();
            assertThat(lease.currentHolder()).contains(hold.get().holder());
            hold.get().close();
            assertThat(lease.currentHolder()).isEmpty();
        } finally {
            lease.stop();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
