package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.commerceinsight.analytics.analyses.DeltaRows;

/**
 * Applies a {@link SummaryChange} through a JDBC connection inside the caller's transaction: per table one batch of
 * UPDATEs adding the deltas (every measure column, zero where the change has none, so that one statement serves
 * every row), then one batch of INSERTs for the keys seen for the first time ({@link DeltaRows}, keeping rows whose
 * count falls to zero, as the rebuild does); then the customer sales rows the change names are recomputed. Plain JDBC,
 * not HQL, because a concurrent insert of the same new key must be caught and turned into an update: through the ORM
 * that failure would mark the whole transaction for rollback. The inserts went one statement each before: on the
 * order-events benchmark that was a dozen round trips per projector round, a tenth of its time.
 */
final class SummaryRowWriter {

    private SummaryRowWriter() {
    }

    static void apply(Connection connection, SummaryChange change) throws SQLException {
        Map<SummaryTable, DeltaRows> byTable = new EnumMap<>(SummaryTable.class);
        for (Map.Entry<SummaryChange.Row, Map<String, BigDecimal>> entry : change.nonZero().entrySet()) {
            SummaryTable table = entry.getKey().table();
            Number[] measures = table.measureColumns.stream()
                    .map(column -> entry.getValue().getOrDefault(column, BigDecimal.ZERO)).toArray(Number[]::new);
            byTable.computeIfAbsent(table, t -> DeltaRows.keepingEmptyRows(t.name, t.keyColumns, t.measureColumns))
                    .add(keyOf(entry.getKey()), measures);
        }
        for (DeltaRows rows : byTable.values()) {
            rows.writeTo(connection);
        }
        CustomerSalesRows.recompute(connection, change.customerSales());
    }

    /** A summary row's key values: dates, texts and ids, each comparable. */
    @SuppressWarnings("unchecked")
    private static List<? extends Comparable<?>> keyOf(SummaryChange.Row row) {
        return (List<? extends Comparable<?>>) (List<?>) row.key();
    }
}
