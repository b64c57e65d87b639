package com.commerceinsight.analytics.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class LockConflictRetryTest {

    private final LockConflictRetry retry = new LockConflictRetry();

    @Test
    void aTransactionThatLostALockRaceRunsAgain() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new PersistenceException("update failed", new SQLException("Timeout trying to lock table", "HYT00", 50200));
            }
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new PersistenceException("duplicate", new SQLException("Unique index violation", "23505", 23505));
        })).isInstanceOf(PersistenceException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aConflictThatPersistsIsReportedAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new PersistenceException("deadlock", new SQLException("deadlock victim", "40001", 1205));
        })).isInstanceOf(PersistenceException.class);
        assertThat(calls).hasValue(LockConflictRetry.ATTEMPTS);
    }

    @Test
    void sqlServerLockTimeoutsAreRecognisedByTheirErrorNumber() {
        assertThat(LockConflictRetry.isLockConflict(new RuntimeException(new SQLException("Lock request time out", "S0001", 1222))))
                .isTrue();
        assertThat(LockConflictRetry.isLockConflict(new RuntimeException(new SQLException("syntax", "42000", 102)))).isFalse();
    }

    /** Found by the network drill: a connection reset while joining the transaction fails with no SQLState. */
    @Test
    void aFailureWithoutSqlStateIsNoConflictAndIsRethrownAsItIs() {
        SQLException noState = new SQLException("Exception in association of connection to existing transaction");
        assertThat(LockConflictRetry.isLockConflict(new RuntimeException(noState))).isFalse();
        assertThatThrownBy(() -> retry.run(() -> {
            throw new PersistenceException("lost", noState);
        })).isInstanceOf(PersistenceException.class).hasCause(noState);
    }
}
