package com.commerceinsight.segmentation.activity;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the database itself (unreachable, connection lost, pool exhausted) from a failure of one event.
 * An event that fails because the database is away must wait for it, not go to the dead-letter topic.
 */
final class DatabaseOutage {

    /** H2's codes for a lost connection and a closed database; SQL Server reports these as SQLState class 08. */
    private static final java.util.Set<String> H2_CONNECTION_STATES = java.util.Set.of("90067", "90098", "90121");

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || H2_CONNECTION_STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool: no connection could be had in time (no SQLState).
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
