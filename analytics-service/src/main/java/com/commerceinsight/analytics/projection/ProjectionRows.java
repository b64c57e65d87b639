package com.commerceinsight.analytics.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * The outbox rows as the projector sees them: those not yet applied to the read models (projected_at null), in id
 * order, and their claim. The claim is a conditional UPDATE (projected_at still null) at the end of the round's
 * transaction, after the rows are applied: a row whose claim finds it claimed already (by a second projector during a
 * takeover) fails the round, which rolls back with its writes, so every row is applied by exactly one round. At the
 * end, not at the start, because the outbox relay marks the same rows published: a claim held for a whole round made
 * the relay's updates wait for it (and time out under load). Unlike a high-water mark, this needs no rule for ids that
 * commit out of order (ids come in blocks per replica): a row committed late is simply found by the next round.
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

    /** Those of the rows not applied yet (read, not locked: the claim decides). */
    static List<OutboxRow> stillUnprojected(Connection connection, List<OutboxRow> rows) throws SQLException {
        Set<Long> waiting = new HashSet<>();
        InLists.query(connection, rows.stream().map(OutboxRow::id).toList(), places -> "SELECT id FROM commerce.outbox_event"
                + " WHERE id IN (" + InLists.marks(places) + ") AND projected_at IS NULL", row -> waiting.add(row.getLong(1)));
        return rows.stream().filter(row -> waiting.contains(row.id())).toList();
    }

    /**
     * Claims the applied rows for this transaction (one prepared UPDATE sent as one batch); throws when another
     * projector claimed one of them first, so that the caller's transaction rolls back.
     */
    static void claim(Connection connection, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
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
        for (int i = 0; i < rows.size(); i++) {
            if (counts[i] != 1) {
                // Claimed by another projector since this round read it (or the driver does not say): roll back.
                throw new SQLException("outbox row " + rows.get(i).id() + " was applied by another projector meanwhile");
            }
        }
    }
}
