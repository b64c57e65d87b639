package com.commerceinsight.analytics.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import com.commerceinsight.analytics.jdbc.ReusedStatements;

/**
 * Inserts rows into one table through a JDBC batch: one prepared INSERT, executed every {@code batchSize} rows.
 * Bulk loads go through here rather than the ORM, which would insert and track one entity at a time.
 */
public final class BatchInserter implements AutoCloseable {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** A column and its JDBC type (java.sql.Types), needed to bind a null portably. */
    public record Column(String name, int sqlType) {
    }

    private final PreparedStatement statement;
    private final ColumnLimits limits;
    private final int[] sqlTypes;
    private final int batchSize;
    private int pending;
    private long inserted;

    public BatchInserter(Connection connection, String table, List<Column> columns, int batchSize) throws SQLException {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        this.statement = ReusedStatements.prepare(connection, "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
        this.sqlTypes = columns.stream().mapToInt(Column::sqlType).toArray();
        this.limits = ColumnLimits.of(connection, table, columns);
        this.batchSize = batchSize;
    }

    public BatchInserter(Connection connection, String table, List<Column> columns) throws SQLException {
        this(connection, table, columns, DEFAULT_BATCH_SIZE);
    }

    /**
     * Throws {@link RecordRejectedException} naming the column when a value does not fit it (too long, too many
     * digits, out of range). {@link #add} checks too; a loader calls this first when it records the row elsewhere.
     */
    public Object[] checked(Object... values) {
        if (values.length != sqlTypes.length) {
            throw new IllegalArgumentException("expected " + sqlTypes.length + " values, got " + values.length);
        }
        limits.check(values);
        return values;
    }

    /** Adds one row; values in column order. A value its column cannot hold rejects the row before it is added. */
    public void add(Object... values) throws SQLException {
        checked(values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, sqlTypes[i]);
            } else {
                statement.setObject(i + 1, values[i], sqlTypes[i]);
            }
        }
        statement.addBatch();
        if (++pending == batchSize) {
            flush();
        }
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            inserted += pending;
            pending = 0;
        }
    }

    /** Rows sent to the database so far (flushed batches). */
    public long inserted() {
        return inserted;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
