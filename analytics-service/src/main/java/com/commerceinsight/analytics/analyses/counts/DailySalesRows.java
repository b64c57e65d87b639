package com.commerceinsight.analytics.analyses.counts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.commerceinsight.analytics.analyses.DeltaRows;

/**
 * commerce.daily_sales: per UTC day, the sales (the analyses' SalesScope), their revenue, and those with a discounted
 * line. Total sales, sales per period and discount use read these rows when the request filters by dates only, so that
 * their calls add up at most one row per day instead of scanning the orders with a refund probe each. Kept by the
 * order ingest from the orders that entered or left the sales, and recomputed by the summary rebuild.
 */
public final class DailySalesRows {

    public static final String TABLE = "commerce.daily_sales";

    private DailySalesRows() {
    }

    /** The statement of the rebuild (into an emptied table), after basket_sale is filled. */
    public static String rebuildAll() {
        return "INSERT INTO " + TABLE + " (sale_date, orders, revenue, discounted_orders)"
                + " SELECT x.sale_date, COUNT(*), SUM(x.total_amount), SUM(x.discounted) FROM ("
                + "SELECT CAST(o.ordered_at AS DATE) AS sale_date, o.total_amount,"
                + " CASE WHEN " + SaleMembership.HAS_DISCOUNTED_LINE + " THEN 1 ELSE 0 END AS discounted"
                + " FROM " + SaleMembership.TABLE + " s JOIN commerce.orders o ON o.id = s.order_id) x GROUP BY x.sale_date";
    }

    /** Adds the orders that entered the sales to their days and subtracts those that left. */
    public static void apply(Connection connection, SaleMembership.Changes changes) throws SQLException {
        DeltaRows days = new DeltaRows(TABLE, List.of("sale_date"), List.of("orders", "revenue", "discounted_orders"));
        add(days, changes.entered(), +1);
        add(days, changes.left(), -1);
        days.writeTo(connection);
    }

    private static void add(DeltaRows days, Map<Long, SaleMembership.SaleOrder> orders, int sign) {
        for (SaleMembership.SaleOrder order : orders.values()) {
            days.add(List.of(order.day()), (long) sign, sign < 0 ? order.total().negate() : order.total(),
                    order.discounted() ? (long) sign : 0L);
        }
    }
}
