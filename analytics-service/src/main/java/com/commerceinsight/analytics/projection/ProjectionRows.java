package com.commerceinsight.analytics.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.commerceinsight.analytics.jdbc.ReusedStatements;

/**
 * The outbox rows as the projector sees them: those not yet applied to the read models (projected_at null), in id
 * order, and their claim. A claim is a conditional UPDATE (projected_at still null) in the round's transaction, so a
 * row is applied by exactly one round: a second projector, or a row read twice, finds it claimed and skips it; a round
 * that fails rolls its claims back with its writes. Unlike a high-water mark, this needs no rule for ids that commit
 * out of order (ids come in blocks per replica): a row committed late is simply found by the next round.
 */
final class ProjectionRows {

    private static final String UNPROJECTED = "SELECT id, payload FROM commerce.outbox_event WHERE projected_at IS NULL ORDER BY id";
    private static final String CLAIM = "UPDATE commerce.outbox_event SET projected_at = ? WHERE id = ? AND projected_at IS NULL";

    private ProjectionRows() {
    }

    /** An outbox row: its id and the event it holds, as serialised. */
    record OutboxRow(long id, String payload) {
    }

    /** Up to {@code limit} rows not yet applied, in id order. */
    static List<OutboxRow> unprojected(Connection connection, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = ReusedStatements.prepare(connection, UNPROJECTED)) {
            select.setMaxRows(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return rows;
    }

    /** Claims the rows for this transaction (one prepared UPDATE sent as one batch); returns those it claimed, in order. */
    static List<OutboxRow> claim(Connection connection, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        int[] counts;
        try (PreparedStatement claim = ReusedStatements.prepare(connection, CLAIM)) {
            for (OutboxRow row : rows) {
                claim.setObject(1, now);
                claim.setLong(2, row.id());
                claim.addBatch();
            }
            counts = claim.executeBatch();
        }
        List<OutboxRow> claimed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // Without the count a row could be marked applied and skipped: the round fails (and rolls back) instead.
                throw new SQLException("the driver did not say which outbox rows the claim updated");
            }
            if (counts[i] == 1) {
                claimed.add(rows.get(i));
            }
        }
        return claimed;
    }
}
