package com.commerceinsight.orderevents.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Prepared statements kept open per database connection and handed out again to later transactions on it. Why: the
 * H2 driver prepares every statement with a round trip to the server, and neither it nor the connection pool keeps
 * prepared statements, so the order ingest (some thirty statements per batch of orders, each prepared anew) and the
 * outbox relay paid a round trip per statement before the one that does the work. SQL Server's driver gains too
 * (one sp_prepare per connection and text instead of per use).
 * <p>
 * The caller uses the statement as it would a fresh one and closes it: closing returns it (parameters and batch
 * cleared) instead of closing it. While a statement is out, the same text asked for again on that connection gets a
 * statement of its own. Statements are keyed by the pool's physical connection, which one thread holds at a time;
 * those of connections the pool has closed are dropped when a new connection comes. Statements whose text varies
 * (IN lists) should not come from here: each text would stay open.
 */
public final class ReusedStatements {

    private static final Map<Connection, Map<String, Kept>> BY_CONNECTION = new HashMap<>();

    private ReusedStatements() {
    }

    /** A prepared statement for {@code sql} on this connection: a kept one when free, else a new one that is kept. */
    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        Map<String, Kept> statements = statementsOf(physical);
        Kept kept = statements.get(sql);
        if (kept != null && kept.out) {
            return connection.prepareStatement(sql);
        }
        if (kept == null || kept.statement.isClosed()) {
            kept = new Kept(physical.prepareStatement(sql));
            statements.put(sql, kept);
        }
        kept.out = true;
        return kept.handOut();
    }

    private static Map<String, Kept> statementsOf(Connection physical) throws SQLException {
        synchronized (BY_CONNECTION) {
            Map<String, Kept> statements = BY_CONNECTION.get(physical);
            if (statements == null) {
                for (Iterator<Connection> known = BY_CONNECTION.keySet().iterator(); known.hasNext(); ) {
                    if (known.next().isClosed()) {
                        known.remove();
                    }
                }
                statements = new HashMap<>();
                BY_CONNECTION.put(physical, statements);
            }
            return statements;
        }
    }

    /** Connections that have statements kept (for tests). */
    static int connectionsKept() {
        synchronized (BY_CONNECTION) {
            return BY_CONNECTION.size();
        }
    }

    /** A kept statement and whether a caller holds it now. */
    private static final class Kept {
        private final PreparedStatement statement;
        private boolean out;

        private Kept(PreparedStatement statement) {
            this.statement = statement;
        }

        private PreparedStatement handOut() {
            return (PreparedStatement) Proxy.newProxyInstance(ReusedStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new Lease(this));
        }
    }

    /** One caller's use of a kept statement, from the hand-out to its close; the statement refuses use after it. */
    private static final class Lease implements InvocationHandler {
        private final Kept kept;
        private boolean closed;

        private Lease(Kept kept) {
            this.kept = kept;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        kept.out = false;
                        kept.statement.clearBatch();
                        kept.statement.clearParameters();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed || kept.statement.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return kept.statement.toString();
                }
                default -> {
                    if (closed) {
                        throw new SQLException("statement closed: " + method.getName());
                    }
                    try {
                        return method.invoke(kept.statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }
}
