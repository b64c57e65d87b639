package com.commerceinsight.analytics.analyses.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * commerce.customer_category_coverage: per customer and category, the distinct products of the category (itself)
 * in the customer's sales, the figure category coverage ranks. A distinct count is not a sum (a cancelled order may
 * hold a product the customer also bought in another sale), so a customer's rows are recomputed from their sales
 * rather than added to: the same statement recomputes every row in the rebuild and one customer's rows live. The
 * sales are the orders of commerce.basket_sale, which the caller has brought up to date first.
 */
public final class CategoryCoverageRows {

    public static final String TABLE = "commerce.customer_category_coverage";

    private static final String INSERT = "INSERT INTO " + TABLE + " (customer_id, category_id, products)"
            + " SELECT o.customer_id, p.category_id, COUNT(DISTINCT l.product_id)"
            + " FROM commerce.orders o JOIN commerce.basket_sale s ON s.order_id = o.id"
            + " JOIN commerce.order_line l ON l.order_id = o.id JOIN commerce.product p ON p.id = l.product_id"
            + " WHERE o.customer_id IS NOT NULL AND p.category_id IS NOT NULL";

    private CategoryCoverageRows() {
    }

    /** The statement of the rebuild: every customer's rows (into an emptied table), after basket_sale is filled. */
    public static String rebuildAll() {
        return INSERT + " GROUP BY o.customer_id, p.category_id";
    }

    /** Recomputes the rows of these customers: one batched DELETE and one batched INSERT ... SELECT keyed by customer. */
    public static void recompute(Connection connection, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE customer_id = ?");
             PreparedStatement insert = connection.prepareStatement(INSERT + " AND o.customer_id = ? GROUP BY o.customer_id, p.category_id")) {
            for (Long customerId : customerIds) {
                delete.setLong(1, customerId);
                delete.addBatch();
                insert.setLong(1, customerId);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
