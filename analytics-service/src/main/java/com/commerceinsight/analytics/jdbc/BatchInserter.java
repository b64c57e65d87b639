package com.commerceinsight.analytics.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.commerceinsight.orderevents.jdbc.ReusedStatements;


/**
 * Inserts rows into one table through a JDBC batch: one prepared INSERT, executed every {@code batchSize} rows.
 * Bulk loads go through here rather than the ORM, which would insert and track one entity at a time.
 */
public final class BatchInserter implements AutoCloseable {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** A column and its JDBC type (java.sql.Types), needed to bind a null portably. */
    public record Column(String name, int sqlType) {
    }

    private final String table;
    private final PreparedStatement statement;
    private final ColumnLimits limits;
    /** Where external_ref is among the columns (tables unique on data_source and external_ref), else -1. */
    private final int externalRefColumn;
    /** The external refs added so far, upper-cased: SQL Server compares them without regard to case. */
    private final Set<String> externalRefs = new HashSet<>();
    private final int[] sqlTypes;
    private final int batchSize;
    private int pending;
    private long inserted;

    /** An inserter for rows the caller made itself (the generator): its keys are unique by construction. */
    public BatchInserter(Connection connection, String table, List<Column> columns, int batchSize) throws SQLException {
        this(connection, table, columns, batchSize, false);
    }

    /**
     * An inserter for rows from outside data (the importers, the order ingest): besides the column limits, a record
     * repeating the external_ref of an earlier one is rejected before the table's unique key would fail the batch.
     */
    public BatchInserter(Connection connection, String table, List<Column> columns) throws SQLException {
        this(connection, table, columns, DEFAULT_BATCH_SIZE, true);
    }

    private BatchInserter(Connection connection, String table, List<Column> columns, int batchSize, boolean rejectRepeatedRefs)
            throws SQLException {
        this.table = table;
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        this.statement = ReusedStatements.prepare(connection, "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
        this.sqlTypes = columns.stream().mapToInt(Column::sqlType).toArray();
        this.limits = ColumnLimits.of(connection, table, columns);
        List<String> columnNames = columns.stream().map(Column::name).toList();
        this.externalRefColumn = rejectRepeatedRefs && columnNames.contains("data_source") ? columnNames.indexOf("external_ref") : -1;
        this.batchSize = batchSize;
    }

    /**
     * Throws {@link RecordRejectedException} naming the column when a value does not fit it (too long, too many
     * digits, out of range, a key already added). {@link #add} checks too; a loader calls this first when it
     * records the row's key elsewhere.
     */
    public Object[] checked(Object... values) {
        if (values.length != sqlTypes.length) {
            throw new IllegalArgumentException("expected " + sqlTypes.length + " values, got " + values.length);
        }
        limits.check(values);
        if (externalRefColumn >= 0 && values[externalRefColumn] instanceof String ref
                && externalRefs.contains(ref.toUpperCase(Locale.ROOT))) {
            throw new RecordRejectedException("external_ref '" + ref + "' is already loaded into " + table
                    + " by an earlier record (a duplicated key)");
        }
        return values;
    }

    /** Adds one row; values in column order. A value its column cannot hold rejects the row before it is added. */
    public void add(Object... values) throws SQLException {
        checked(values);
        if (externalRefColumn >= 0 && values[externalRefColumn] instanceof String ref) {
            externalRefs.add(ref.toUpperCase(Locale.ROOT));
        }
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
