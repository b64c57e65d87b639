package com.commerceinsight.recommender.foldin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;
import com.commerceinsight.recommender.scoring.CustomerRow;

/**
 * Writes the rows of {@code recommender.customer_fold_in} in plain JDBC, on the caller's transaction. An event batch
 * computes its buyers' rows from the commerce tables, so it never needs what the stored rows hold: it locks them (an
 * UPDATE that changes nothing), then writes them (one batched UPDATE, then one batched INSERT for the customers that had
 * no row). Loading them as entities read their two byte columns for nothing.
 */
final class FoldInRows {

    private static final String UPDATE = "UPDATE recommender.customer_fold_in SET signals = ?, vector = ?, purchase_lines = ?,"
            + " written_by = ?, updated_at = ? WHERE model_version_id = ? AND customer_id = ?";
    private static final String INSERT = "INSERT INTO recommender.customer_fold_in (signals, vector, purchase_lines, written_by,"
            + " updated_at, model_version_id, customer_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private FoldInRows() {
    }

    /**
     * Locks the customers' rows of the version until the transaction ends, so that two replicas applying the same
     * customer during a rebalance read the commerce tables one after the other. A row that does not exist yet is not
     * locked: two first inserts of it collide on the primary key, and the later batch is retried.
     */
    static void lock(Connection connection, String versionId, Collection<Long> customerIds) throws SQLException {
        for (List<Long> chunk : InLists.chunks(customerIds)) {
            String sql = "UPDATE recommender.customer_fold_in SET updated_at = updated_at WHERE model_version_id = ?"
                    + " AND customer_id IN (" + InLists.marks(chunk.size()) + ")";
            try (PreparedStatement lock = ReusedStatements.prepare(connection, sql)) {
                lock.setString(1, versionId);
                InLists.bind(lock, 2, chunk);
                lock.executeUpdate();
            }
        }
    }

    /** A row to store: the customer's row and the purchase lines it holds. */
    record Row(long customerId, CustomerRow row, int purchaseLines) {
    }

    /** Stores the rows of the version, written by this replica at {@code now}. */
    static void write(Connection connection, String versionId, Collection<Row> rows, String writtenBy, LocalDateTime now)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> ordered = new ArrayList<>(rows);
        int[] updated;
        try (PreparedStatement update = ReusedStatements.prepare(connection, UPDATE)) {
            for (Row row : ordered) {
                bind(update, versionId, row, writtenBy, now);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<Row> missing = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (updated[i] == 0) {
                missing.add(ordered.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = ReusedStatements.prepare(connection, INSERT)) {
            for (Row row : missing) {
                bind(insert, versionId, row, writtenBy, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Deletes every row of the version (an activation writes them all again). */
    static void deleteVersion(Connection connection, String versionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM recommender.customer_fold_in WHERE model_version_id = ?")) {
            delete.setString(1, versionId);
            delete.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, String versionId, Row row, String writtenBy, LocalDateTime now)
            throws SQLException {
        statement.setBytes(1, FoldInCodec.signals(row.row()));
        statement.setBytes(2, FoldInCodec.vector(row.row()));
        statement.setInt(3, row.purchaseLines());
        statement.setString(4, writtenBy);
        statement.setTimestamp(5, Timestamp.valueOf(now));
        statement.setString(6, versionId);
        statement.setLong(7, row.customerId());
    }

    /** The rows by customer, for the caller's map of what to publish. */
    static Map<Long, CustomerRow> byCustomer(Collection<Row> rows) {
        Map<Long, CustomerRow> byCustomer = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byCustomer.put(row.customerId(), row.row()));
        return byCustomer;
    }
}
