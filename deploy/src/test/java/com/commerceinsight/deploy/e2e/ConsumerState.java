package com.commerceinsight.deploy.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the consumers built that their APIs serve (segmentation's per-customer purchase summaries, the
 * recommender's bought items and the purchase lines folded into its active version) and recomputes the same from the
 * commerce tables, as rows of text so two maps can be compared whole: equal maps mean every event was applied exactly
 * once.
 */
final class ConsumerState {

    static final List<String> CONSUMER_SCHEMAS = List.of("prediction", "segmentation", "recommender");

    private ConsumerState() {
    }

    /** segmentation.customer_segment's summary for the customers of one data source (other tests use other customers). */
    static Map<Long, String> segmentSummaries(Connection db, String customerSource) throws SQLException {
        return rows(db, "SELECT customer_id, orders, spend, first_order_at, last_order_at FROM segmentation.customer_segment"
                + " WHERE customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '" + customerSource + "')");
    }

    /**
     * The summaries as the commerce tables say they should be: orders and spend of the orders not cancelled, first and
     * last order times of all of them (a cancellation takes an order out of the count and the spend, not out of the times).
     */
    static Map<Long, String> segmentSummariesFromCommerce(Connection db, String customerSource) throws SQLException {
        return rows(db, """
                SELECT o.customer_id,
                       SUM(CASE WHEN o.status = 'cancelled' THEN 0 ELSE 1 END),
                       SUM(CASE WHEN o.status = 'cancelled' THEN 0 ELSE o.total_amount END),
                       MIN(o.ordered_at), MAX(o.ordered_at)
                FROM commerce.orders o
                WHERE o.customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '%s')
                GROUP BY o.customer_id""".formatted(customerSource));
    }

    static Map<Long, String> items(Connection db, String customerSource) throws SQLException {
        return rows(db, "SELECT customer_id * 1000000 + product_id, quantity, orders, last_bought_at FROM recommender.customer_item"
                + " WHERE customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '" + customerSource + "')");
    }

    static Map<Long, String> itemsFromCommerce(Connection db, String customerSource) throws SQLException {
        return rows(db, """
                SELECT o.customer_id * 1000000 + l.product_id, SUM(l.quantity), COUNT(DISTINCT o.id), MAX(o.ordered_at)
                FROM commerce.orders o JOIN commerce.order_line l ON l.order_id = o.id
                WHERE o.data_source = 'api'
                  AND o.customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '%s')
                GROUP BY o.customer_id, l.product_id""".formatted(customerSource));
    }

    /** The purchase lines each customer's row of the recommender's active version holds (none active: no rows). */
    static Map<Long, String> foldInPurchaseLines(Connection db, String customerSource) throws SQLException {
        return rows(db, """
                SELECT f.customer_id, f.purchase_lines FROM recommender.customer_fold_in f
                JOIN recommender.model_activation a ON a.active_version_id = f.model_version_id
                WHERE f.customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '%s')""".formatted(customerSource));
    }

    /** The purchase lines ordered from the active version's training end on: what fold-in must have added to it. */
    static Map<Long, String> foldInPurchaseLinesFromCommerce(Connection db, String customerSource) throws SQLException {
        return rows(db, """
                SELECT o.customer_id, COUNT(*) FROM commerce.orders o JOIN commerce.order_line l ON l.order_id = o.id
                JOIN recommender.model_version v ON v.active = 1 AND o.ordered_at >= v.trained_until
                WHERE o.kind = 'sale' AND l.quantity > 0
                  AND o.customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '%s')
                GROUP BY o.customer_id""".formatted(customerSource));
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** First column: the key; the others joined as text (decimals without trailing zeros, so 12.50 = 12.5). */
    private static Map<Long, String> rows(Connection db, String sql) throws SQLException {
        Map<Long, String> rows = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    values.add(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value));
                }
                rows.put(rs.getLong(1), String.join(" | ", values));
            }
        }
        return rows;
    }
}
