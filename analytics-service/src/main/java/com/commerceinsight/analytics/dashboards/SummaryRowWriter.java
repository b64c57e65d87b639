package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.analytics.jdbc.ReusedStatements;

/**
 * Applies a {@link SummaryChange} through a JDBC connection inside the caller's transaction: per table one batch of
 * UPDATEs adding the deltas (every measure column, zero where the change has none, so that one statement serves
 * every row and the batch goes to the database in one round trip), then an INSERT for each key seen for the first
 * time; then the customer sales rows the change names are recomputed. Plain JDBC, not HQL, because a concurrent insert of the same new key must be caught and turned into an
 * update: through the ORM that failure would mark the whole order transaction for rollback. Rows are applied in the
 * change's lock order, so concurrent changes cannot deadlock on them.
 */
final class SummaryRowWriter {

    private SummaryRowWriter() {
    }

    static void apply(Connection connection, SummaryChange change) throws SQLException {
        Map<SummaryTable, List<Map.Entry<SummaryChange.Row, Map<String, BigDecimal>>>> byTable = new EnumMap<>(SummaryTable.class);
        for (Map.Entry<SummaryChange.Row, Map<String, BigDecimal>> entry : change.nonZero().entrySet()) {
            byTable.computeIfAbsent(entry.getKey().table(), t -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<SummaryTable, List<Map.Entry<SummaryChange.Row, Map<String, BigDecimal>>>> table : byTable.entrySet()) {
            List<Map.Entry<SummaryChange.Row, Map<String, BigDecimal>>> rows = table.getValue();
            int[] updated = updateAll(connection, table.getKey(), rows);
            for (int i = 0; i < rows.size(); i++) {
                if (updated[i] == 0) {
                    SummaryChange.Row row = rows.get(i).getKey();
                    Map<String, BigDecimal> deltas = rows.get(i).getValue();
                    if (!insert(connection, row, deltas)) {
                        // Another transaction inserted the key between our update and insert; its row exists now.
                        updateAll(connection, table.getKey(), List.of(rows.get(i)));
                    }
                }
            }
        }
        CustomerSalesRows.recompute(connection, change.customerSales());
    }

    /** One UPDATE per row, sent as one batch; the count of rows each changed (0: the key is new). */
    private static int[] updateAll(Connection connection, SummaryTable table,
            List<Map.Entry<SummaryChange.Row, Map<String, BigDecimal>>> rows) throws SQLException {
        String sets = table.measureColumns.stream().map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", "));
        String where = table.keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement update = ReusedStatements.prepare(connection, "UPDATE " + table.name + " SET " + sets + " WHERE " + where)) {
            for (Map.Entry<SummaryChange.Row, Map<String, BigDecimal>> row : rows) {
                int i = 1;
                for (String measure : table.measureColumns) {
                    update.setBigDecimal(i++, row.getValue().getOrDefault(measure, BigDecimal.ZERO));
                }
                for (Object key : row.getKey().key()) {
                    update.setObject(i++, key);
                }
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int count : counts) {
                if (count == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the driver did not report how many summary rows an update changed");
                }
            }
            return counts;
        }
    }

    /** Inserts the row with the deltas as its values; false if the key exists already. */
    private static boolean insert(Connection connection, SummaryChange.Row row, Map<String, BigDecimal> deltas) throws SQLException {
        List<String> measures = row.table().measureColumns;
        String columns = String.join(", ", row.table().keyColumns) + ", " + String.join(", ", measures);
        String marks = String.join(", ", Collections.nCopies(row.table().keyColumns.size() + measures.size(), "?"));
        try (PreparedStatement insert = ReusedStatements.prepare(connection, "INSERT INTO " + row.table().name + " (" + columns + ") VALUES (" + marks + ")")) {
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
            if (DeltaRows.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

}
