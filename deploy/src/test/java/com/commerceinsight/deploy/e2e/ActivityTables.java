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
 * Reads what the consumers built (each ML service's customer_activity and the recommender's customer_item) and
 * recomputes the same from the commerce tables, as rows of text so two maps can be compared whole.
 */
final class ActivityTables {

    static final List<String> CONSUMER_SCHEMAS = List.of("prediction", "segmentation", "recommender");

    private static final String ACTIVITY_COLUMNS = "orders, cancelled_orders, spend, first_order_at, last_order_at, "
            + "succeeded_payments, failed_payments, active_days";

    private ActivityTables() {
    }

    /** A consumer's customer_activity rows for the customers of one data source (other tests use other customers). */
    static Map<Long, String> activity(Connection db, String schema, String customerSource) throws SQLException {
        return rows(db, "SELECT customer_id, " + ACTIVITY_COLUMNS + " FROM " + schema + ".customer_activity"
                + " WHERE customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '" + customerSource + "')");
    }

    /** customer_activity as the commerce tables say it should be, for one data source's customers. */
    static Map<Long, String> activityFromCommerce(Connection db, String customerSource) throws SQLException {
        return rows(db, """
                SELECT o.customer_id, COUNT(*),
                       SUM(CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN o.status = 'cancelled' THEN 0 ELSE o.total_amount END),
                       MIN(o.ordered_at), MAX(o.ordered_at),
                       (SELECT COUNT(*) FROM commerce.payment p WHERE p.customer_id = o.customer_id AND p.status = 'succeeded'),
                       (SELECT COUNT(*) FROM commerce.payment p WHERE p.customer_id = o.customer_id AND p.status = 'failed'),
                       COUNT(DISTINCT CAST(o.ordered_at AS DATE))
                FROM commerce.orders o WHERE o.data_source = 'api'
                  AND o.customer_id IN (SELECT id FROM commerce.customer WHERE data_source = '%s')
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
