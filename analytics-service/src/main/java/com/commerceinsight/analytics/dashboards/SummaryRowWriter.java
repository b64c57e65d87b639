package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies a {@link SummaryChange} through a JDBC connection inside the caller's transaction: an UPDATE adding the
 * deltas, and for a key seen for the first time an INSERT. Plain JDBC, not HQL, because a concurrent insert of the
 * same new key must be caught and turned into an update: through the ORM that failure would mark the whole order
 * transaction for rollback.
 */
final class SummaryRowWriter {

    private SummaryRowWriter() {
    }

    static void apply(Connection connection, SummaryChange change) throws SQLException {
        for (Map.Entry<SummaryChange.Row, Map<String, BigDecimal>> entry : change.nonZero().entrySet()) {
            SummaryChange.Row row = entry.getKey();
            Map<String, BigDecimal> deltas = entry.getValue();
            if (update(connection, row, deltas) == 0 && !insert(connection, row, deltas)) {
                // Another transaction inserted the key between our update and insert; its row exists now.
                update(connection, row, deltas);
            }
        }
    }

    private static int update(Connection connection, SummaryChange.Row row, Map<String, BigDecimal> deltas) throws SQLException {
        String sets = deltas.keySet().stream().map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", "));
        String where = row.table().keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + row.table().name + " SET " + sets + " WHERE " + where)) {
            int i = 1;
            for (BigDecimal delta : deltas.values()) {
                update.setBigDecimal(i++, delta);
            }
            for (Object key : row.key()) {
                update.setObject(i++, key);
            }
            return update.executeUpdate();
        }
    }

    /** Inserts the row with the deltas as its values; false if the key exists already. */
    private static boolean insert(Connection connection, SummaryChange.Row row, Map<String, BigDecimal> deltas) throws SQLException {
        List<String> measures = row.table().measureColumns;
        String columns = String.join(", ", row.table().keyColumns) + ", " + String.join(", ", measures);
        String marks = String.join(", ", Collections.nCopies(row.table().keyColumns.size() + measures.size(), "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + row.table().name + " (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object key : row.key()) {
                insert.setObject(i++, key);
            }
            for (String measure : measures) {
                insert.setBigDecimal(i++, deltas.getOrDefault(measure, BigDecimal.ZERO));
            }
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** SQLState class 23 (integrity constraint violation): H2 23505, SQL Server 23000 (errors 2601 / 2627). */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
