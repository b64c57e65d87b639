package com.commerceinsight.orderevents.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One holder at a time across replicas, timed by the database clock. Each DatabaseLease built here stands for another
 * replica on the same database (its own holder ids, its own renewal thread). The services' leases (the ML services'
 * TrainingLease) are this class on a table of their own; their tests check what a service does with a taken lease.
 */
class DatabaseLeaseTest {

    private static final String TABLE = "lease_test.lease";

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private Connection keepAlive;

    @BeforeEach
    void createTheLeaseRow() throws Exception {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE SCHEMA lease_test");
            statement.execute("CREATE TABLE " + TABLE + " (name NVARCHAR(40) PRIMARY KEY, holder NVARCHAR(100), expires_at DATETIME2 NOT NULL)");
            statement.execute("INSERT INTO " + TABLE + " (name, expires_at) VALUES ('training', '2000-01-01 00:00:00')");
        }
    }

    @AfterEach
    void dropTheDatabase() throws Exception {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private DatabaseLease lease(Duration duration) {
        return new DatabaseLease(dataSource, TABLE, "training", duration);
    }

    @Test
    void twoReplicasAskingAtTheSameMomentGetOneLease() throws Exception {
        DatabaseLease first = lease(Duration.ofSeconds(30));
        DatabaseLease second = lease(Duration.ofSeconds(30));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<DatabaseLease.Hold>>> attempts = threads.invokeAll(List.<Callable<Optional<DatabaseLease.Hold>>>of(
                    () -> { together.await(); return first.tryAcquire(); },
                    () -> { together.await(); return second.tryAcquire(); }));
            List<DatabaseLease.Hold> held = attempts.stream().map(DatabaseLeaseTest::get).flatMap(Optional::stream).toList();
            assertThat(held).hasSize(1);
            held.get(0).close();
        } finally {
            threads.shutdownNow();
            first.close();
            second.close();
        }
    }

    @Test
    void aHolderThatRenewsKeepsTheLeasePastItsDurationAndReleasesIt() throws Exception {
        DatabaseLease holder = lease(Duration.ofSeconds(2));
        DatabaseLease other = lease(Duration.ofSeconds(2));
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
            holder.close();
            other.close();
        }
    }

    @Test
    void aLeaseWhoseHolderDiedIsTakenOver() throws Exception {
        try (Statement statement = keepAlive.createStatement()) {
            statement.executeUpdate("UPDATE " + TABLE + " SET holder = 'a replica that died',"
                    + " expires_at = DATEADD(SECOND, -1, CURRENT_TIMESTAMP)");
        }
        DatabaseLease lease = lease(Duration.ofSeconds(30));
        try {
            Optional<DatabaseLease.Hold> hold = lease.tryAcquire();
            assertThat(hold).isPresent();
            assertThat(lease.currentHolder()).contains(hold.get().holder());
            hold.get().close();
            assertThat(lease.currentHolder()).isEmpty();
        } finally {
            lease.close();
        }
    }

    @Test
    void workRunsHoldingTheLeaseAndNotWhileAnotherReplicaHoldsIt() throws Exception {
        DatabaseLease lease = lease(Duration.ofSeconds(30));
        DatabaseLease otherReplica = lease(Duration.ofSeconds(30));
        try {
            List<Optional<String>> holderDuringWork = new ArrayList<>();
            boolean ran = lease.runHolding(() -> holderDuringWork.add(currentHolder(otherReplica)));
            assertThat(ran).isTrue();
            assertThat(holderDuringWork).singleElement().satisfies(holder -> assertThat(holder).isPresent());
            assertThat(lease.currentHolder()).as("released when the work ended").isEmpty();

            try (DatabaseLease.Hold elsewhere = otherReplica.tryAcquire().orElseThrow()) {
                boolean ranWhileHeld = lease.runHolding(() -> holderDuringWork.add(Optional.empty()));
                assertThat(ranWhileHeld).isFalse();
                assertThat(holderDuringWork).hasSize(1);
                assertThat(lease.currentHolder()).contains(elsewhere.holder());
            }
        } finally {
            lease.close();
            otherReplica.close();
        }
    }

    private static Optional<String> currentHolder(DatabaseLease lease) {
        try {
            return lease.currentHolder();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
