package com.commerceinsight.orderevents.consumer;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a failure of the database itself (unreachable, connection lost, pool exhausted, a deadlock victim, Azure SQL
 * failing over or throttling) from a failure of one event. An event that fails because the database is away, or
 * because it lost a race it will win on the next try, must wait and be tried again, not go to the dead-letter topic.
 */
public final class DatabaseOutage {

    /**
     * H2's codes for a lost connection, a closed database, a database in exclusive mode (what a server shutting down
     * answers a new connection; found by the drill that stops the database server), a lock timeout and a deadlock.
     */
    private static final Set<String> H2_STATES = Set.of("90067", "90098", "90121", "90135", "HYT00", "40001");

    /** H2's code for a general error, which it also answers when its store fails under a statement. */
    private static final int H2_GENERAL_ERROR = 50000;

    /**
     * The store's own error inside an H2 general error, when the store or the statement's transaction was closed under
     * it ({@code MVStoreException: Transaction 3 is closed [2.4.240/4]}: code 4, ERROR_CLOSED). A server closing the
     * database on SIGTERM answers a statement in flight so (found by the drill that stops the database server: an
     * order answered 500). Only the message tells it: the remote protocol carries the store's error as text.
     */
    private static final Pattern H2_STORE_CLOSED = Pattern.compile("MVStoreException: .*\\[[0-9.]+/4]");

    /**
     * SQL Server and Azure SQL error numbers that mean "try again" (Microsoft's list of transient errors for Azure SQL
     * Database, and the deadlock victim): 1205 deadlock victim; 4060 database unavailable (failover); 4221 login during
     * redo; 10928, 10929 resource limits; 40197 service error (failover, upgrade); 40501 service busy; 40613 database
     * unavailable; 40143, 40540 connection and service errors; 49918, 49919, 49920 too many requests; 10053, 10054,
     * 10060 transport-level errors; 233 connection closed; 64 connection lost.
     */
    private static final Set<Integer> SQL_SERVER_TRANSIENT = Set.of(1205, 4060, 4221, 10928, 10929, 40197, 40501, 40613, 40143,
            40540, 49918, 49919, 49920, 10053, 10054, 10060, 233, 64);

    private DatabaseOutage() {
    }

    /**
     * Whether any throwable reachable from the failure says the database is away: its causes, what each suppressed (a
     * transaction whose commit lost its connection reports it as an XAException suppressed by the RollbackException,
     * not as its cause; found by the connection-reset drill) and a SQLException's next exceptions (where a failed batch
     * keeps its statements' own errors). Each throwable is looked at once, so a cyclic chain ends.
     */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLTransientException) {
                return true;
            }
            if (next instanceof SQLException sql) {
                if (transientSql(sql)) {
                    return true;
                }
                addIfPresent(pending, sql.getNextException());
            }
            addIfPresent(pending, next.getCause());
            for (Throwable suppressed : next.getSuppressed()) {
                addIfPresent(pending, suppressed);
            }
        }
        return false;
    }

    private static void addIfPresent(Deque<Throwable> pending, Throwable throwable) {
        if (throwable != null) {
            pending.add(throwable);
        }
    }

    private static boolean transientSql(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || H2_STATES.contains(state))) {
            return true;
        }
        if (isSqlServer(sql) && SQL_SERVER_TRANSIENT.contains(sql.getErrorCode())) {
            return true;
        }
        String message = sql.getMessage();
        if (sql.getErrorCode() == H2_GENERAL_ERROR && message != null && H2_STORE_CLOSED.matcher(message).find()) {
            return true;
        }
        // Agroal's pool, which sets no SQLState: no connection could be had in time, or the connection it handed out
        // could not join the transaction (a connection the network broke while it sat in the pool; found by the
        // connection-reset drill). Either way another attempt gets another connection.
        return message != null && (message.contains("acquisition timeout")
                || message.contains("association of connection to existing transaction"));
    }

    /** By class name: the services built for H2 do not carry the SQL Server driver, and its error numbers mean nothing elsewhere. */
    private static boolean isSqlServer(SQLException sql) {
        return sql.getClass().getName().startsWith("com.microsoft.sqlserver.");
    }
}
