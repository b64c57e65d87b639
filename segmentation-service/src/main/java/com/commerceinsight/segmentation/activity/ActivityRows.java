package com.commerceinsight.segmentation.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a batch's activity through JDBC, without reading the stored rows first: every change to an activity row is a
 * delta (counts and sums added, first and last times as minimum and maximum), so the database can apply it to
 * whatever the row holds. One JDBC batch per statement per batch of events: order days inserted where absent, the
 * activity deltas applied by UPDATE, and the rows that did not exist yet INSERTed.
 */
final class ActivityRows {

    private static final String ADD_ORDER_DAY = "INSERT INTO segmentation.customer_order_day (customer_id, order_day) SELECT ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM segmentation.customer_order_day WHERE customer_id = ? AND order_day = ?)";

    private static final String ADD_DELTA = "UPDATE segmentation.customer_activity SET orders = orders + ?, "
            + "cancelled_orders = cancelled_orders + ?, spend = spend + ?, "
            + "first_order_at = " + earliest("first_order_at") + ", last_order_at = " + latest("last_order_at") + ", "
            + "succeeded_payments = succeeded_payments + ?, failed_payments = failed_payments + ?, active_days = active_days + ?, "
            + "last_event_at = " + latest("last_event_at") + ", updated_at = ? WHERE customer_id = ?";

    private static final String INSERT = "INSERT INTO segmentation.customer_activity (customer_id, orders, cancelled_orders, spend, "
            + "first_order_at, last_order_at, succeeded_payments, failed_payments, active_days, last_event_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ActivityRows() {
    }

    /** Stores the order days not stored yet; returns those that were new. */
    static Set<CustomerOrderDay.Key> addOrderDays(Connection connection, Collection<CustomerOrderDay.Key> days) throws SQLException {
        if (days.isEmpty()) {
            return Set.of();
        }
        List<CustomerOrderDay.Key> ordered = new ArrayList<>(days);
        int[] inserted;
        try (PreparedStatement add = connection.prepareStatement(ADD_ORDER_DAY)) {
            for (CustomerOrderDay.Key day : ordered) {
                java.sql.Date date = java.sql.Date.valueOf(day.orderDay());
                add.setLong(1, day.customerId());
                add.setDate(2, date);
                add.setLong(3, day.customerId());
                add.setDate(4, date);
                add.addBatch();
            }
            inserted = add.executeBatch();
        }
        Set<CustomerOrderDay.Key> added = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (inserted[i] > 0) {
                added.add(ordered.get(i));
            }
        }
        return added;
    }

    /**
     * Adds each delta to its customer's row; a customer without a row gets the delta as the row (a delta is the change
     * from an empty activity, so on an empty activity it is the activity itself).
     */
    static void addDeltas(Connection connection, Collection<CustomerActivity> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        List<CustomerActivity> ordered = new ArrayList<>(deltas);
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(ADD_DELTA)) {
            for (CustomerActivity delta : ordered) {
                update.setInt(1, delta.orders);
                update.setInt(2, delta.cancelledOrders);
                update.setBigDecimal(3, delta.spend);
                bindTime(update, 4, delta.firstOrderAt);
                bindTime(update, 7, delta.lastOrderAt);
                update.setInt(10, delta.succeededPayments);
                update.setInt(11, delta.failedPayments);
                update.setInt(12, delta.activeDays);
                bindTime(update, 13, delta.lastEventAt);
                update.setTimestamp(16, timestamp(delta.updatedAt));
                update.setLong(17, delta.customerId);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            boolean any = false;
            for (int i = 0; i < ordered.size(); i++) {
                if (updated[i] > 0) {
                    continue;
                }
                CustomerActivity row = ordered.get(i);
                insert.setLong(1, row.customerId);
                insert.setInt(2, row.orders);
                insert.setInt(3, row.cancelledOrders);
                insert.setBigDecimal(4, row.spend);
                insert.setTimestamp(5, timestamp(row.firstOrderAt));
                insert.setTimestamp(6, timestamp(row.lastOrderAt));
                insert.setInt(7, row.succeededPayments);
                insert.setInt(8, row.failedPayments);
                insert.setInt(9, row.activeDays);
                insert.setTimestamp(10, timestamp(row.lastEventAt));
                insert.setTimestamp(11, timestamp(row.updatedAt));
                insert.addBatch();
                any = true;
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    /** The column's minimum with a parameter that may be null (no such time in the delta): three parameters. */
    private static String earliest(String column) {
        return "CASE WHEN CAST(? AS DATETIME2) IS NULL THEN " + column + " WHEN " + column + " IS NULL OR " + column
                + " > CAST(? AS DATETIME2) THEN CAST(? AS DATETIME2) ELSE " + column + " END";
    }

    /** The column's maximum with a parameter that may be null: three parameters. */
    private static String latest(String column) {
        return "CASE WHEN CAST(? AS DATETIME2) IS NULL THEN " + column + " WHEN " + column + " IS NULL OR " + column
                + " < CAST(? AS DATETIME2) THEN CAST(? AS DATETIME2) ELSE " + column + " END";
    }

    /** Binds the three parameters of {@link #earliest} or {@link #latest}. */
    private static void bindTime(PreparedStatement statement, int first, LocalDateTime value) throws SQLException {
        Timestamp timestamp = timestamp(value);
        for (int i = 0; i < 3; i++) {
            statement.setTimestamp(first + i, timestamp);
        }
    }

    private static Timestamp timestamp(LocalDateTime value) {
        return value == null ? null : Timestamp.valueOf(value);
    }
}
