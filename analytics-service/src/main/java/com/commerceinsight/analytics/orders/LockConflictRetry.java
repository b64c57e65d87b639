package com.commerceinsight.analytics.orders;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Runs an ingest transaction again when it lost a lock race: a lock wait that timed out, or a deadlock victim.
 * Such a transaction was rolled back before its commit, so nothing of it is stored and running it again is safe;
 * the client gets its answer instead of a 500. Concurrent orders meet on the day's summary rows and on a customer's
 * row, so under a burst a few waits can exceed the database's lock timeout.
 */
@ApplicationScoped
public class LockConflictRetry {

    static final int ATTEMPTS = 5;
    private static final long BACKOFF_MILLIS = 20;

    /** SQLSTATEs of a lock timeout (H2) and of a serialisation failure or deadlock (H2, SQL Server). */
    private static final Set<String> LOCK_STATES = Set.of("HYT00", "40001");
    /** SQL Server error numbers: lock request time out, chosen as deadlock victim. */
    private static final Set<Integer> SQL_SERVER_LOCK_ERRORS = Set.of(1222, 1205);

    public <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            // A failure may carry no SQLState (a connection lost while joining the transaction); Set.of rejects null.
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && LOCK_STATES.contains(sql.getSQLState()))
                    || SQL_SERVER_LOCK_ERRORS.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    /** Randomised, growing pauses, so the transactions that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS * attempt, 2 * BACKOFF_MILLIS * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
