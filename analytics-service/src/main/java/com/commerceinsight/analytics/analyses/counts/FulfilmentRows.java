package com.commerceinsight.analytics.analyses.counts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * The kept fulfilment times (analysis 12) over the whole history:
 * <ul>
 * <li>commerce.order_fulfilment: per sale with a shipment or delivery time, its {@link FulfilmentFacts};</li>
 * <li>commerce.fulfilment_hours: per kind (S to shipment, D to delivery) and whole hour of duration, the sales and
 * the sum of their milliseconds; and three counts as kinds of their own with hour 0: E deliveries with an estimate,
 * L of them late, X sales left out for a time before the order time.</li>
 * </ul>
 * The analysis reads a few hundred hour rows for counts, means and the histogram by days, and finds the exact median
 * and 90th percentile by rank inside the hour that holds them, through the index on the durations. Live, the orders
 * whose status or payments changed are worked out again from the orders and the difference is written; the rebuild
 * works every sale out in Java with the same {@link FulfilmentFacts}, so that both agree to the millisecond.
 */
public final class FulfilmentRows {

    public static final String ORDERS = "commerce.order_fulfilment";
    public static final String HOURS = "commerce.fulfilment_hours";

    public static final String SHIPMENT = "S";
    public static final String DELIVERY = "D";
    public static final String ESTIMATED = "E";
    public static final String LATE = "L";
    public static final String INCONSISTENT = "X";

    /** Every sale with a shipment or delivery time: id, ordered, shipped (else the first shipment), delivered, estimate. */
    private static final String SALES = "SELECT o.id, o.ordered_at,"
            + " COALESCE(o.shipped_at, (SELECT MIN(sh.shipped_at) FROM commerce.shipment sh WHERE sh.order_id = o.id)),"
            + " o.delivered_at, o.estimated_delivery_at FROM commerce.orders o WHERE " + SaleMembership.IS_SALE
            + " AND (o.shipped_at IS NOT NULL OR o.delivered_at IS NOT NULL"
            + " OR EXISTS (SELECT 1 FROM commerce.shipment sh WHERE sh.order_id = o.id AND sh.shipped_at IS NOT NULL))";

    private static final String INSERT = "INSERT INTO " + ORDERS
            + " (order_id, ship_ms, delivery_ms, estimated, late, inconsistent) VALUES (?, ?, ?, ?, ?, ?)";

    private FulfilmentRows() {
    }

    /** Recomputes both tables from the orders (inside the rebuild's transaction). */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + ORDERS);
            statement.executeUpdate("DELETE FROM " + HOURS);
        }
        DeltaRows hours = hoursChange();
        try (PreparedStatement read = connection.prepareStatement(SALES);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            read.setFetchSize(1_000);
            int batched = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    FulfilmentFacts facts = facts(rows);
                    bind(insert, rows.getLong(1), facts);
                    insert.addBatch();
                    if (++batched % 1_000 == 0) {
                        insert.executeBatch();
                    }
                    add(hours, facts, +1);
                }
            }
            insert.executeBatch();
        }
        hours.writeTo(connection);
    }

    /** Works these orders out again (after a status or payment change, in its transaction) and writes the difference. */
    public static void recompute(Connection connection, Collection<Long> orderIds) throws SQLException {
        if (orderIds.isEmpty()) {
            return;
        }
        DeltaRows hours = hoursChange();
        try (PreparedStatement kept = ReusedStatements.prepare(connection,
                "SELECT ship_ms, delivery_ms, estimated, late, inconsistent FROM " + ORDERS + " WHERE order_id = ?");
             PreparedStatement now = ReusedStatements.prepare(connection, SALES + " AND o.id = ?");
             PreparedStatement delete = ReusedStatements.prepare(connection, "DELETE FROM " + ORDERS + " WHERE order_id = ?");
             PreparedStatement insert = ReusedStatements.prepare(connection, INSERT)) {
            for (Long orderId : orderIds) {
                FulfilmentFacts before = null;
                kept.setLong(1, orderId);
                try (ResultSet row = kept.executeQuery()) {
                    if (row.next()) {
                        before = new FulfilmentFacts(nullableLong(row, 1), nullableLong(row, 2), row.getInt(3) == 1,
                                row.getInt(4) == 1, row.getInt(5) == 1);
                    }
                }
                FulfilmentFacts after = null;
                now.setLong(1, orderId);
                try (ResultSet row = now.executeQuery()) {
                    if (row.next()) {
                        after = facts(row);
                    }
                }
                if (Objects.equals(before, after)) {
                    continue;
                }
                if (before != null) {
                    add(hours, before, -1);
                    delete.setLong(1, orderId);
                    delete.executeUpdate();
                }
                if (after != null) {
                    add(hours, after, +1);
                    bind(insert, orderId, after);
                    insert.executeUpdate();
                }
            }
        }
        hours.writeTo(connection);
    }

    private static DeltaRows hoursChange() {
        return new DeltaRows(HOURS, List.of("kind", "hour_bucket"), List.of("orders", "total_ms"));
    }

    private static void add(DeltaRows hours, FulfilmentFacts facts, int sign) {
        if (facts.inconsistent()) {
            hours.add(List.of(INCONSISTENT, 0L), (long) sign, 0L);
            return;
        }
        if (facts.shipMillis() != null) {
            hours.add(List.of(SHIPMENT, facts.shipMillis() / FulfilmentFacts.MILLIS_PER_HOUR), (long) sign, sign * facts.shipMillis());
        }
        if (facts.deliveryMillis() != null) {
            hours.add(List.of(DELIVERY, facts.deliveryMillis() / FulfilmentFacts.MILLIS_PER_HOUR), (long) sign, sign * facts.deliveryMillis());
        }
        if (facts.estimated()) {
            hours.add(List.of(ESTIMATED, 0L), (long) sign, 0L);
        }
        if (facts.late()) {
            hours.add(List.of(LATE, 0L), (long) sign, 0L);
        }
    }

    private static FulfilmentFacts facts(ResultSet row) throws SQLException {
        return FulfilmentFacts.of(row.getObject(2, LocalDateTime.class), row.getObject(3, LocalDateTime.class),
                row.getObject(4, LocalDateTime.class), row.getObject(5, LocalDateTime.class));
    }

    private static void bind(PreparedStatement insert, long orderId, FulfilmentFacts facts) throws SQLException {
        insert.setLong(1, orderId);
        setNullableLong(insert, 2, facts.shipMillis());
        setNullableLong(insert, 3, facts.deliveryMillis());
        insert.setInt(4, facts.estimated() ? 1 : 0);
        insert.setInt(5, facts.late() ? 1 : 0);
        insert.setInt(6, facts.inconsistent() ? 1 : 0);
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
