package com.commerceinsight.orderevents.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * A purge of old rows in small batches, each its own transaction, so that no one statement holds many locks for long
 * against the writers of the same table.
 */
public final class BatchedDelete {

    private BatchedDelete() {
    }

    /**
     * Runs {@code sql}, a DELETE of at most {@code ?1} rows older than {@code ?2}, until a batch deletes fewer than
     * {@code batchSize}; returns how many rows went.
     */
    public static long olderThan(Connection connection, String sql, int batchSize, LocalDateTime cutoff) throws SQLException {
        long deleted = 0;
        connection.setAutoCommit(true);
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setInt(1, batchSize);
            delete.setTimestamp(2, Timestamp.valueOf(cutoff));
            int batch;
            do {
                batch = delete.executeUpdate();
                deleted += batch;
            } while (batch == batchSize);
        }
        return deleted;
    }
}
