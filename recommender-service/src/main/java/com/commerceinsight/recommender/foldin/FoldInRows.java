package com.commerceinsight.recommender.foldin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.commerceinsight.orderevents.jdbc.ReusedStatements;
import com.commerceinsight.recommender.scoring.CustomerRow;

/**
 * Writes the rows of {@code recommender.customer_fold_in} in plain JDBC, on the caller's transaction: one batched
 * UPDATE, then one batched insert of the customers that had no row. A row only ever holds more purchase lines than
 * before, and the UPDATE keeps the row with more: a write that comes late with less (which the event batches' locked
 * reads rule out, and an activation's rewrite does not meet) changes nothing. Two first inserts of one customer collide
 * on the primary key, and the later batch is retried.
 */
final class FoldInRows {

    private static final String UPDATE = "UPDATE recommender.customer_fold_in SET signals = ?, vector = ?, purchase_lines = ?,"
            + " folded_orders = ?, written_by = ?, updated_at = ? WHERE model_version_id = ? AND customer_id = ? AND purchase_lines <= ?";
    private static final String INSERT_IF_ABSENT = "INSERT INTO recommender.customer_fold_in (signals, vector, purchase_lines,"
            + " folded_orders, written_by, updated_at, model_version_id, customer_id) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM recommender.customer_fold_in f WHERE f.model_version_id = ? AND f.customer_id = ?)";

    private FoldInRows() {
    }

    /** A row to store: the customer's row, the purchase lines it holds and the ids of their orders (sorted). */
    record Row(long customerId, CustomerRow row, int purchaseLines, long[] orders) {
    }

    /**
     * Stores the rows of the version, written by this replica at {@code now}; a stored row with more purchase lines is
     * kept (it was read later).
     */
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
                update.setInt(9, row.purchaseLines());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<Row> notUpdated = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (updated[i] == 0) { // no row yet, or one with more lines
                notUpdated.add(ordered.get(i));
            }
        }
        if (notUpdated.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = ReusedStatements.prepare(connection, INSERT_IF_ABSENT)) {
            for (Row row : notUpdated) {
                bind(insert, versionId, row, writtenBy, now);
                insert.setString(9, versionId);
                insert.setLong(10, row.customerId());
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
        statement.setBytes(4, FoldInCodec.orders(row.orders()));
        statement.setString(5, writtenBy);
        statement.setTimestamp(6, Timestamp.valueOf(now));
        statement.setString(7, versionId);
        statement.setLong(8, row.customerId());
    }
}
