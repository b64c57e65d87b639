package com.commerceinsight.analytics.analyses.counts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * commerce.customer_category_coverage: per customer and category, the distinct products of the category (itself)
 * in the customer's sales, the figure category coverage ranks; and what it is counted from, commerce.customer_product:
 * each product in at least one of the customer's sales. The sales are the orders of commerce.basket_sale, which the
 * caller has brought up to date first.
 * <p>
 * A distinct count is not a sum (a cancelled order may hold a product the customer also bought in another sale), so
 * when sales leave a customer's history their rows are recomputed ({@link #recompute}). New sales only add: a product
 * the customer had no row for adds one to its category ({@link #added}). Why the product rows: without them the live
 * path recomputed each new order's customer from all of their sales, a grouped join whose cost grew with the
 * customer's history and was the largest statement of the order ingest.
 */
public final class CategoryCoverageRows {

    public static final String TABLE = "commerce.customer_category_coverage";
    public static final String PRODUCTS = "commerce.customer_product";

    private static final String INSERT_PRODUCTS = "INSERT INTO " + PRODUCTS + " (customer_id, product_id)"
            + " SELECT DISTINCT o.customer_id, l.product_id FROM commerce.orders o"
            + " JOIN commerce.basket_sale s ON s.order_id = o.id JOIN commerce.order_line l ON l.order_id = o.id"
            + " WHERE o.customer_id IS NOT NULL";

    private static final String INSERT_COVERAGE = "INSERT INTO " + TABLE + " (customer_id, category_id, products)"
            + " SELECT cp.customer_id, p.category_id, COUNT(*) FROM " + PRODUCTS + " cp"
            + " JOIN commerce.product p ON p.id = cp.product_id WHERE p.category_id IS NOT NULL";

    private static final String GROUPED = " GROUP BY cp.customer_id, p.category_id";

    /** Inserts a customer's product unless the row is there: an update count of 1 is a product new to the customer. */
    private static final String ADD_PRODUCT = "INSERT INTO " + PRODUCTS + " (customer_id, product_id) SELECT ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM " + PRODUCTS + " WHERE customer_id = ? AND product_id = ?)";

    private CategoryCoverageRows() {
    }

    /** The statements of the rebuild: every customer's rows (into emptied tables), after basket_sale is filled. */
    public static List<String> rebuildAll() {
        return List.of(INSERT_PRODUCTS, INSERT_COVERAGE + GROUPED);
    }

    /** Recomputes the rows of these customers from their sales: batched DELETEs and INSERT ... SELECTs keyed by customer. */
    public static void recompute(Connection connection, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement deleteProducts = ReusedStatements.prepare(connection, "DELETE FROM " + PRODUCTS + " WHERE customer_id = ?");
             PreparedStatement deleteCoverage = ReusedStatements.prepare(connection, "DELETE FROM " + TABLE + " WHERE customer_id = ?");
             PreparedStatement insertProducts = ReusedStatements.prepare(connection, INSERT_PRODUCTS + " AND o.customer_id = ?");
             PreparedStatement insertCoverage = ReusedStatements.prepare(connection, INSERT_COVERAGE + " AND cp.customer_id = ?" + GROUPED)) {
            for (PreparedStatement statement : List.of(deleteProducts, deleteCoverage, insertProducts, insertCoverage)) {
                for (Long customerId : customerIds) {
                    statement.setLong(1, customerId);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /**
     * Adds new sales' products, per customer each product with its category (null: none), to customers whose sales
     * only grew. A product the customer had not bought before counts once more in its category.
     */
    public static void added(Connection connection, Map<Long, Map<Long, Long>> productCategories) throws SQLException {
        if (productCategories.isEmpty()) {
            return;
        }
        DeltaRows coverage = new DeltaRows(TABLE, List.of("customer_id", "category_id"), List.of("products"));
        try (PreparedStatement add = ReusedStatements.prepare(connection, ADD_PRODUCT)) {
            for (Map.Entry<Long, Map<Long, Long>> customer : productCategories.entrySet()) {
                for (Long product : customer.getValue().keySet()) {
                    add.setLong(1, customer.getKey());
                    add.setLong(2, product);
                    add.setLong(3, customer.getKey());
                    add.setLong(4, product);
                    add.addBatch();
                }
            }
            int[] inserted = add.executeBatch();
            int i = 0;
            for (Map.Entry<Long, Map<Long, Long>> customer : productCategories.entrySet()) {
                for (Long category : customer.getValue().values()) {
                    if (inserted[i++] > 0 && category != null) {
                        coverage.add(List.of(customer.getKey(), category), 1L);
                    }
                }
            }
        }
        coverage.writeTo(connection);
    }
}
