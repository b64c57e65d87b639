package com.commerceinsight.analytics.dashboards;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.analyses.counts.SalesCounts;
import com.commerceinsight.analytics.analyses.counts.DailyCostRows;
import com.commerceinsight.analytics.analyses.counts.FulfilmentRows;
import com.commerceinsight.analytics.analyses.counts.OrderStatusRows;
import com.commerceinsight.analytics.analyses.counts.ProductReturnRows;
import com.commerceinsight.analytics.analyses.counts.ReturnReasonRows;
import com.commerceinsight.analytics.analyses.counts.SupplierReturnRows;
import com.commerceinsight.analytics.analyses.counts.WishlistCountRows;
import com.commerceinsight.analytics.analyses.products.ProductRatingRows;

/**
 * Recomputes the daily summaries (and their monthly rollups, category totals and the customer sales rows) from the commerce tables in one transaction: after bulk loads (generate, imports),
 * which bypass the live updates, and to repair. Orders placed while it runs may be counted twice (by the rebuild and
 * by the order projector, whose events the rebuild marks applied only up to its start): rebuild while no orders come in. Native SQL in the common subset of T-SQL and H2's MSSQLServer mode:
 * INSERT ... SELECT into tables the ORM does not write, grouping per-order facts computed once into a scratch table.
 * Its rules are those of {@link LiveSummaries}; a test holds the two to the same result.
 */
@ApplicationScoped
public class SummaryRebuilder {

    /** The rebuild's scratch table: one row per sale order, filled first, emptied last (see its changeset). */
    private static final String ORDERS = "commerce.summary_rebuild_orders";

    /**
     * One row per sale order with its summary keys and flags. Correlated subqueries over indexed columns rather than
     * joins to ROW_NUMBER derived tables: H2 joins a derived table by scanning it for every outer row. Written once
     * into {@link #ORDERS}, whose primary key the category and payment steps join on, for the same reason.
     */
    private static final String FILL_ORDERS = "INSERT INTO " + ORDERS
            + " (order_id, summary_date, customer_state, customer_country, payment_method, status, total, units,"
            + " is_first, is_returning, is_cancelled) " + """
            SELECT g.order_id, g.summary_date, g.customer_state, g.customer_country, g.payment_method, g.status, g.total, g.units,
                   CASE WHEN g.customer_id IS NOT NULL AND g.has_earlier = 0 THEN 1 ELSE 0 END,
                   CASE WHEN g.customer_id IS NOT NULL AND g.has_earlier = 1 THEN 1 ELSE 0 END,
                   CASE WHEN g.status = 'cancelled' THEN 1 ELSE 0 END
            FROM (SELECT o.id AS order_id, o.customer_id, CAST(o.ordered_at AS DATE) AS summary_date,
                         COALESCE(c.state, 'unknown') AS customer_state,
                         COALESCE(c.country, o.country, 'unknown') AS customer_country,
                         COALESCE((SELECT p.method FROM commerce.payment p WHERE p.order_id = o.id AND NOT EXISTS (
                                       SELECT 1 FROM commerce.payment q WHERE q.order_id = o.id
                                       AND (q.sequence_no < p.sequence_no OR q.sequence_no = p.sequence_no AND q.id < p.id))),
                                  'none') AS payment_method,
                         o.status AS status, o.total_amount AS total,
                         CASE WHEN EXISTS (SELECT 1 FROM commerce.orders e WHERE e.customer_id = o.customer_id
                                           AND e.kind = 'sale' AND (e.ordered_at < o.ordered_at
                                           OR e.ordered_at = o.ordered_at AND e.id < o.id)) THEN 1 ELSE 0 END AS has_earlier,
                         COALESCE((SELECT SUM(l.quantity) FROM commerce.order_line l WHERE l.order_id = o.id), 0) AS units
                  FROM commerce.orders o LEFT JOIN commerce.customer c ON c.id = o.customer_id
                  WHERE o.kind = 'sale') g""";

    private static final String MARK_EVENTS_PROJECTED = "UPDATE commerce.outbox_event SET projected_at = CURRENT_TIMESTAMP"
            + " WHERE projected_at IS NULL";

    private static final String ORDER_KEY = "f.summary_date, f.customer_state, f.customer_country, f.payment_method";

    private final DataSource dataSource;

    public SummaryRebuilder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Report(long orderRows, long categoryRows, long paymentRows, long elapsedMillis) {
    }

    public Report rebuild() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Every order event committed so far is in what the rebuild reads: the projector must not apply it again.
                // Marked first, so that a projector round holding some of these rows finishes before the rebuild reads.
                statement.executeUpdate(MARK_EVENTS_PROJECTED);
                for (SummaryTable table : SummaryTable.values()) {
                    statement.executeUpdate("DELETE FROM " + table.name);
                }
                statement.executeUpdate(FILL_ORDERS);
                long orderRows = statement.executeUpdate(orderSummary());
                long categoryRows = statement.executeUpdate(categorySummary());
                statement.executeUpdate(categoryTotals());
                long paymentRows = statement.executeUpdate(paymentSummary());
                statement.executeUpdate(monthlyRollup(SummaryTable.ORDERS, SummaryTable.MONTHLY_ORDERS));
                statement.executeUpdate(monthlyRollup(SummaryTable.CATEGORIES, SummaryTable.MONTHLY_CATEGORIES));
                statement.executeUpdate(monthlyRollup(SummaryTable.PAYMENTS, SummaryTable.MONTHLY_PAYMENTS));
                statement.executeUpdate(monthlyRollup(SummaryTable.CATEGORY_TOTALS, SummaryTable.MONTHLY_CATEGORY_TOTALS));
                statement.executeUpdate("DELETE FROM " + CustomerSalesRows.TABLE);
                statement.executeUpdate(CustomerSalesRows.rebuildAll());
                statement.executeUpdate("DELETE FROM " + FirstOrderRows.TABLE);
                statement.executeUpdate(FirstOrderRows.REBUILD);
                statement.executeUpdate("DELETE FROM " + ORDERS);
                SalesCounts.rebuild(connection);
                statement.executeUpdate("DELETE FROM " + DailyCostRows.TABLE);
                statement.executeUpdate(DailyCostRows.rebuildAll());
                statement.executeUpdate("DELETE FROM " + OrderStatusRows.TABLE);
                statement.executeUpdate(OrderStatusRows.rebuildAll());
                statement.executeUpdate("DELETE FROM " + ProductRatingRows.TABLE);
                statement.executeUpdate(ProductRatingRows.rebuildAll());
                statement.executeUpdate("DELETE FROM " + SupplierReturnRows.TABLE);
                for (String sql : SupplierReturnRows.rebuildAll()) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("DELETE FROM " + ProductReturnRows.TABLE);
                for (String sql : ProductReturnRows.rebuildAll()) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("DELETE FROM " + ReturnReasonRows.TABLE);
                for (String sql : ReturnReasonRows.rebuildAll()) {
                    statement.executeUpdate(sql);
                }
                statement.executeUpdate("DELETE FROM " + WishlistCountRows.TABLE);
                statement.executeUpdate(WishlistCountRows.REBUILD);
                FulfilmentRows.rebuild(connection);
                connection.commit();
                return new Report(orderRows, categoryRows, paymentRows, (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String orderSummary() {
        return insertInto(SummaryTable.ORDERS) + " SELECT " + ORDER_KEY + ", " + orderFigures("f.units", "f.total")
                + " FROM " + ORDERS + " f GROUP BY " + ORDER_KEY;
    }

    /** Per order and category first (an order counts once in each of its categories), then per key. */
    private static String categorySummary() {
        return insertInto(SummaryTable.CATEGORIES)
                + " SELECT f.summary_date, f.category_id, f.customer_state, f.customer_country, f.payment_method, "
                + orderFigures("f.category_units", "f.category_revenue")
                + " FROM (SELECT o.order_id, o.summary_date, o.customer_state, o.customer_country, o.payment_method, o.status,"
                + " o.is_first, o.is_returning, o.is_cancelled, COALESCE(p.category_id, 0) AS category_id,"
                + " SUM(l.quantity) AS category_units, SUM(l.quantity * l.unit_price) AS category_revenue"
                + " FROM " + ORDERS + " o JOIN commerce.order_line l ON l.order_id = o.order_id"
                + " JOIN commerce.product p ON p.id = l.product_id"
                + " GROUP BY o.order_id, o.summary_date, o.customer_state, o.customer_country, o.payment_method, o.status,"
                + " o.is_first, o.is_returning, o.is_cancelled, COALESCE(p.category_id, 0)) f"
                + " GROUP BY f.summary_date, f.category_id, f.customer_state, f.customer_country, f.payment_method";
    }

    /** The day category rows just written, summed over state, country and payment method. */
    private static String categoryTotals() {
        SummaryTable totals = SummaryTable.CATEGORY_TOTALS;
        return insertInto(totals) + " SELECT summary_date, category_id, "
                + totals.measureColumns.stream().map(m -> "SUM(" + m + ")").collect(Collectors.joining(", "))
                + " FROM " + SummaryTable.CATEGORIES.name + " GROUP BY summary_date, category_id";
    }

    private static String paymentSummary() {
        return insertInto(SummaryTable.PAYMENTS)
                + " SELECT f.summary_date, f.customer_state, f.customer_country, p.method,"
                + " SUM(CASE WHEN p.status = 'pending' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.status = 'succeeded' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.status = 'failed' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.status = 'refunded' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN p.status = 'succeeded' THEN p.amount ELSE 0 END),"
                + " SUM(CASE WHEN p.status = 'refunded' THEN p.amount ELSE 0 END)"
                + " FROM " + ORDERS + " f JOIN commerce.payment p ON p.order_id = f.order_id"
                + " GROUP BY f.summary_date, f.customer_state, f.customer_country, p.method";
    }

    /** The measures of {@link SummaryTable.OrderMeasures#ALL}, in its order, over an order's units and revenue. */
    private static String orderFigures(String units, String revenue) {
        String statuses = SummaryTable.OrderMeasures.STATUSES.stream()
                .map(s -> "SUM(CASE WHEN f.status = '" + s + "' THEN 1 ELSE 0 END)")
                .collect(Collectors.joining(", "));
        return "COUNT(*), SUM(f.is_first), SUM(f.is_returning), SUM(" + units + "), SUM(" + revenue + "), "
                + "SUM(f.is_cancelled * " + units + "), SUM(f.is_cancelled * " + revenue + "), " + statuses;
    }

    /**
     * The month rows summed from the day rows just written: the first day of the month is the day minus its day of
     * month plus one, written with DATEADD and DAY, which T-SQL and H2 share.
     */
    private static String monthlyRollup(SummaryTable daily, SummaryTable monthly) {
        String month = "DATEADD(DAY, 1 - DAY(summary_date), summary_date)";
        List<String> otherKeys = daily.keyColumns.subList(1, daily.keyColumns.size());
        return insertInto(monthly) + " SELECT " + month + ", " + String.join(", ", otherKeys) + ", "
                + daily.measureColumns.stream().map(m -> "SUM(" + m + ")").collect(Collectors.joining(", "))
                + " FROM " + daily.name + " GROUP BY " + month + ", " + String.join(", ", otherKeys);
    }

    private static String insertInto(SummaryTable table) {
        return "INSERT INTO " + table.name + " (" + String.join(", ", table.keyColumns) + ", "
                + String.join(", ", table.measureColumns) + ")";
    }
}
