package com.commerceinsight.orderevents.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.h2.message.DbException;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.sqlserver.jdbc.SQLServerException;

/** Which failures make an event wait for the database, with the exceptions the real drivers throw. */
class DatabaseOutageTest {

    @ParameterizedTest(name = "SQL Server error {0} is an outage")
    @ValueSource(ints = {1205, 4060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920})
    void sqlServerDeadlocksAndAzureSqlTransientErrorsAreOutages(int errorNumber) {
        SQLServerException error = SqlServerErrors.error(errorNumber, "S0001");
        assertThat(error.getErrorCode()).isEqualTo(errorNumber);
        assertThat(DatabaseOutage.causedBy(new RuntimeException("batch failed", error))).isTrue();
    }

    @ParameterizedTest(name = "SQL Server error {0} is the event's own fault")
    @ValueSource(ints = {2627, 547, 8152, 245})
    void sqlServerConstraintAndDataErrorsAreNot(int errorNumber) {
        // unique key, foreign key, string truncated, conversion failed
        SQLServerException error = SqlServerErrors.error(errorNumber, "23000");
        assertThat(DatabaseOutage.causedBy(new RuntimeException(error))).isFalse();
    }

    @Test
    void h2LostConnectionsLockTimeoutsAndDeadlocksAreOutages() {
        for (String state : new String[] {"90067", "90098", "90121", "90135", "HYT00", "40001", "08006"}) {
            assertThat(DatabaseOutage.causedBy(new SQLException("h2", state))).as(state).isTrue();
        }
        assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("Exception in association of connection to existing transaction",
                new IllegalStateException("Failed to enlist")))).isTrue();
    }

    @Test
    void h2StoreClosedUnderAStatementIsAnOutageButItsOtherStoreErrorsAreNot() {
        // Built by H2's own code, as its server answers a statement in flight while it closes the database on SIGTERM.
        SQLException closed = h2GeneralError(
                DataUtils.newMVStoreException(DataUtils.ERROR_CLOSED, "Transaction {0} is closed", 3));
        assertThat(closed.getErrorCode()).isEqualTo(50000);
        assertThat(closed.getMessage()).contains("MVStoreException: Transaction 3 is closed");
        assertThat(DatabaseOutage.causedBy(new RuntimeException("Error executing work", closed))).isTrue();

        SQLException corrupt = h2GeneralError(
                DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "Chunk {0} is invalid", 12));
        assertThat(DatabaseOutage.causedBy(new RuntimeException(corrupt))).isFalse();
        assertThat(DatabaseOutage.causedBy(h2GeneralError(new IllegalStateException("closed [4]")))).isFalse();
    }

    private static SQLException h2GeneralError(Throwable cause) {
        return DbException.convert(cause).getSQLException();
    }

    @Test
    void aCommitThatLostItsConnectionIsAnOutageThoughTheLossIsOnlySuppressed() {
        // As the transaction manager reports it: the rollback carries the resource's failure as suppressed, not as cause.
        Exception rollback = new IllegalStateException("Could not commit transaction.");
        Exception resource = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("Connection is broken: \"session closed\"", "90067"));
        rollback.addSuppressed(resource);

        assertThat(DatabaseOutage.causedBy(new RuntimeException(rollback))).isTrue();
        Exception unrelated = new IllegalStateException("Could not commit transaction.");
        unrelated.addSuppressed(new SQLException("unique key", "23505"));
        assertThat(DatabaseOutage.causedBy(unrelated)).isFalse();
    }

    @Test
    void h2ConstraintViolationsAndOtherFailuresAreNot() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
        // an error number of SQL Server's list means nothing from another driver
        assertThat(DatabaseOutage.causedBy(new SQLException("h2", "42000", 1205))).isFalse();
    }

    @Test
    void anOutageIsFoundHoweverDeepAndHoweverMixedItsChain() {
        // Deeper than any fixed bound, alternating causes and suppressed exceptions, with the outage at the end.
        Throwable chain = new SQLException("Connection is broken", "90067");
        for (int i = 0; i < 40; i++) {
            RuntimeException wrapper = i % 2 == 0 ? new RuntimeException("layer " + i, chain) : new RuntimeException("layer " + i);
            if (i % 2 == 1) {
                wrapper.addSuppressed(chain);
            }
            chain = wrapper;
        }
        assertThat(DatabaseOutage.causedBy(chain)).isTrue();
    }

    @Test
    void aBatchKeepsItsStatementsErrorsAsNextExceptions() {
        SQLException batch = new BatchUpdateException("batch failed", "HY000", new int[0]);
        batch.setNextException(SqlServerErrors.error(1205, "S0001"));
        assertThat(DatabaseOutage.causedBy(new RuntimeException(batch))).isTrue();
        SQLException constraint = new BatchUpdateException("batch failed", "HY000", new int[0]);
        constraint.setNextException(SqlServerErrors.error(2627, "23000"));
        assertThat(DatabaseOutage.causedBy(new RuntimeException(constraint))).isFalse();
    }

    @Test
    void aCyclicChainEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);
        first.addSuppressed(second);
        assertThat(DatabaseOutage.causedBy(first)).isFalse();
    }
}
