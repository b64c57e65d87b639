package com.commerceinsight.analytics.analyses;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * Signed changes to the rows of a count table (the analyses' kept counts), gathered in memory and written in one go:
 * one batched UPDATE adding the deltas, an INSERT for each key it did not find, and a DELETE of the rows whose count
 * (the first measure) fell to zero, so that the live rows are exactly those a rebuild writes ({@link #keepingEmptyRows}:
 * none, for tables whose rebuild keeps such rows, the dashboards' summaries). Nothing is read back: every change is a
 * sum the database applies to whatever the row holds. Three round trips at most per table whatever the number of rows,
 * which is what a change costs on a busy database server.
 * <p>
 * Keys are written in their natural order, so that two transactions adding to the same rows lock them in the same
 * order. Measures are Long or BigDecimal; keys Long or LocalDate (bound with setObject, which both JDBC drivers map).
 */
public final class DeltaRows {

    private final String table;
    private final List<String> keyColumns;
    private final List<String> measureColumns;
    private final boolean deletesEmptyRows;
    private final Map<List<Object>, Number[]> deltas = new TreeMap<>(DeltaRows::compareKeys);
    /** Adds a row's deltas: measures, then key. */
    private final String updateSql;
    /** A new row: key, then measures. */
    private final String insertSql;
    /** Removes a row whose count fell to zero: key. */
    private final String deleteSql;

    /** @param measureColumns the first is the count: a row whose count is zero is deleted */
    public DeltaRows(String table, List<String> keyColumns, List<String> measureColumns) {
        this(table, keyColumns, measureColumns, true);
    }

    /** Changes that leave a row whose count falls to zero in place. */
    public static DeltaRows keepingEmptyRows(String table, List<String> keyColumns, List<String> measureColumns) {
        return new DeltaRows(table, keyColumns, measureColumns, false);
    }

    private DeltaRows(String table, List<String> keyColumns, List<String> measureColumns, boolean deletesEmptyRows) {
        this.deletesEmptyRows = deletesEmptyRows;
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.measureColumns = List.copyOf(measureColumns);
        String where = String.join(" = ? AND ", keyColumns) + " = ?";
        this.updateSql = "UPDATE " + table + " SET " + String.join(", ", measureColumns.stream().map(c -> c + " = " + c + " + ?").toList())
                + " WHERE " + where;
        this.insertSql = "INSERT INTO " + table + " (" + String.join(", ", keyColumns) + ", " + String.join(", ", measureColumns)
                + ") VALUES (" + "?, ".repeat(keyColumns.size() + measureColumns.size() - 1) + "?)";
        this.deleteSql = "DELETE FROM " + table + " WHERE " + where + " AND " + measureColumns.get(0) + " = 0";
    }

    /** Adds (or, with negative values, subtracts) the measures, in the order of the measure columns, to the key's row. */
    public DeltaRows add(List<? extends Comparable<?>> key, Number... measures) {
        if (key.size() != keyColumns.size() || measures.length != measureColumns.size()) {
            throw new IllegalArgumentException("expected " + keyColumns.size() + " key parts and " + measureColumns.size() + " measures");
        }
        deltas.merge(List.copyOf(key), measures.clone(), DeltaRows::sum);
        return this;
    }

    public void writeTo(Connection connection) throws SQLException {
        List<Map.Entry<List<Object>, Number[]>> changes = new ArrayList<>(deltas.entrySet());
        changes.removeIf(change -> isZero(change.getValue()));
        if (changes.isEmpty()) {
            return;
        }
        int[] updated;
        try (PreparedStatement update = ReusedStatements.prepare(connection, updateSql)) {
            for (Map.Entry<List<Object>, Number[]> change : changes) {
                bindUpdate(update, change);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        for (int count : updated) {
            if (count == Statement.SUCCESS_NO_INFO) {
                throw new SQLException("the driver did not report how many rows of " + table + " an update changed");
            }
        }
        List<Map.Entry<List<Object>, Number[]>> newKeys = new ArrayList<>();
        try (PreparedStatement delete = ReusedStatements.prepare(connection, deleteSql)) {
            boolean deletes = false;
            for (int i = 0; i < changes.size(); i++) {
                Map.Entry<List<Object>, Number[]> change = changes.get(i);
                if (updated[i] == 0) {
                    // A key not counted yet: only a change that adds can meet one, since nothing leaves what it never entered.
                    newKeys.add(change);
                } else if (deletesEmptyRows && signum(change.getValue()[0]) < 0) {
                    bind(delete, 1, change.getKey());
                    delete.addBatch();
                    deletes = true;
                }
            }
            if (deletes) {
                delete.executeBatch();
            }
        }
        if (!newKeys.isEmpty()) {
            insertNew(connection, newKeys);
        }
    }

    /**
     * Inserts the rows of keys the update did not find, as one batch. A concurrent transaction may have inserted one of
     * them since (its update missed the key as ours did): our insert then fails on the primary key once it has
     * committed, and that key's delta is added to its row instead. The batch's update counts tell which rows went in
     * (JDBC: a driver that stops at the failure reports only those before it), so no delta is added twice.
     */
    private void insertNew(Connection connection, List<Map.Entry<List<Object>, Number[]>> newKeys) throws SQLException {
        int[] inserted;
        try (PreparedStatement insert = ReusedStatements.prepare(connection, insertSql)) {
            for (Map.Entry<List<Object>, Number[]> change : newKeys) {
                bindInsert(insert, change);
                insert.addBatch();
            }
            try {
                insert.executeBatch();
                return;
            } catch (BatchUpdateException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                inserted = e.getUpdateCounts() == null ? new int[0] : e.getUpdateCounts();
            }
        }
        try (PreparedStatement insert = ReusedStatements.prepare(connection, insertSql);
             PreparedStatement update = ReusedStatements.prepare(connection, updateSql)) {
            for (int i = 0; i < newKeys.size(); i++) {
                if (i < inserted.length && inserted[i] != Statement.EXECUTE_FAILED) {
                    continue;
                }
                Map.Entry<List<Object>, Number[]> change = newKeys.get(i);
                bindInsert(insert, change);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                    bindUpdate(update, change);
                    if (update.executeUpdate() != 1) {
                        throw new SQLException("row " + change.getKey() + " of " + table + " neither inserted nor found", e);
                    }
                }
            }
        }
    }

    /** SQLState class 23 (integrity constraint violation): H2 23505, SQL Server 23000 (errors 2601 / 2627). */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private void bindUpdate(PreparedStatement update, Map.Entry<List<Object>, Number[]> change) throws SQLException {
        bind(update, 1, Arrays.asList(change.getValue()));
        bind(update, 1 + measureColumns.size(), change.getKey());
    }

    private void bindInsert(PreparedStatement insert, Map.Entry<List<Object>, Number[]> change) throws SQLException {
        bind(insert, 1, change.getKey());
        bind(insert, 1 + keyColumns.size(), Arrays.asList(change.getValue()));
    }

    private static void bind(PreparedStatement statement, int first, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(first + i, values.get(i));
        }
    }

    private static Number[] sum(Number[] a, Number[] b) {
        Number[] total = new Number[a.length];
        for (int i = 0; i < a.length; i++) {
            total[i] = a[i] instanceof BigDecimal || b[i] instanceof BigDecimal
                    ? decimal(a[i]).add(decimal(b[i])) : Long.valueOf(a[i].longValue() + b[i].longValue());
        }
        return total;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
    }

    private static boolean isZero(Number[] measures) {
        return Arrays.stream(measures).allMatch(m -> signum(m) == 0);
    }

    private static int signum(Number n) {
        return n instanceof BigDecimal d ? d.signum() : Long.signum(n.longValue());
    }

    /** Orders keys of the same columns part by part (each part Comparable): the summaries' key order too. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareKeys(List<?> a, List<?> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
