package com.commerceinsight.analytics.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.commerceinsight.analytics.jdbc.CommerceTable;
import com.commerceinsight.analytics.ids.IdAllocator;

/**
 * One batch inserter and one id allocator per commerce table. Rows of many tables are produced interleaved
 * (an order, its lines, its payments ...), so the batches are flushed only together and in the enum's order, which
 * puts every referenced row (customer, order) in the database before the rows referring to it.
 */
final class ShopTables implements AutoCloseable {

    private final Connection connection;
    private final Map<CommerceTable, BatchInserter> inserters = new EnumMap<>(CommerceTable.class);
    private final Map<CommerceTable, IdAllocator> ids = new EnumMap<>(CommerceTable.class);
    private final Map<CommerceTable, Long> rows = new EnumMap<>(CommerceTable.class);

    ShopTables(Connection connection) throws SQLException {
        this.connection = connection;
        for (CommerceTable table : CommerceTable.values()) {
            // No automatic flush: a line batch must never reach the database before its order's batch.
            inserters.put(table, new BatchInserter(connection, table.qualifiedName(), table.columns(), Integer.MAX_VALUE));
            ids.put(table, table.ids(connection));
            rows.put(table, 0L);
        }
    }

    long nextId(CommerceTable table) throws SQLException {
        return ids.get(table).next();
    }

    void add(CommerceTable table, Object... values) throws SQLException {
        inserters.get(table).add(values);
        rows.merge(table, 1L, Long::sum);
    }

    void flush() throws SQLException {
        for (BatchInserter inserter : inserters.values()) {
            inserter.flush();
        }
    }

    void commit() throws SQLException {
        flush();
        connection.commit();
    }

    /** Rows added per table, keyed by table name, in insert order. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach((table, count) -> counts.put(table.qualifiedName(), count));
        return counts;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (BatchInserter inserter : inserters.values()) {
            try {
                inserter.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
