package com.commerceinsight.analytics.dashboards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * commerce.customer_sales: per customer, the number and amount of their sales and the times of their first, second
 * and last sale, for the customer analyses (retention, RFM, most orders). A sale is what the analyses' SalesScope
 * counts: an order of kind sale, not cancelled or unavailable, without a refunded payment. First and second are not
 * sums, and an order leaving the sales (a cancellation, a refund) can make the second the first, so a customer's row
 * is recomputed from their orders rather than added to: the same statement recomputes every row in the rebuild and
 * one customer's row live. Native SQL in the common subset of T-SQL and H2 (ROW_NUMBER in a derived table).
 * <p>
 * Live cost per batch of orders: one batched DELETE and one batched INSERT ... SELECT keyed by customer, each
 * customer's SELECT reading their orders through ix_orders_customer_id_ordered_at and one refund probe per order
 * (ix_payment_order_id_status); status and payment changes recompute only when the order enters or leaves the sales.
 * Concurrent batches never recompute one customer at once: the ingest locks a batch's customer rows.
 */
final class CustomerSalesRows {

    static final String TABLE = "commerce.customer_sales";

    private static final String INSERT = "INSERT INTO " + TABLE
            + " (customer_id, sales, amount, first_sale_at, second_sale_at, last_sale_at) ";

    /** Sales of customers; {@code customerCondition} narrows the inner SELECT ("" for every customer). */
    private static String recomputed(String customerCondition) {
        return "SELECT t.customer_id, COUNT(*), SUM(t.total_amount), MIN(t.ordered_at),"
                + " MAX(CASE WHEN t.rn = 2 THEN t.ordered_at END), MAX(t.ordered_at)"
                + " FROM (SELECT o.customer_id, o.ordered_at, o.total_amount,"
                + " ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at, o.id) AS rn"
                + " FROM commerce.orders o"
                + " WHERE o.kind = 'sale' AND o.customer_id IS NOT NULL AND o.status NOT IN ('cancelled', 'unavailable')"
                + " AND NOT EXISTS (SELECT 1 FROM commerce.payment r WHERE r.order_id = o.id AND r.status = 'refunded')"
                + customerCondition + ") t GROUP BY t.customer_id";
    }

    private CustomerSalesRows() {
    }

    /** The statement of the rebuild: every customer's row from the orders (into an emptied table). */
    static String rebuildAll() {
        return INSERT + recomputed("");
    }

    /** Recomputes the rows of these customers (in ascending id order, the order in which the ingest locks them). */
    static void recompute(Connection connection, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE customer_id = ?");
             PreparedStatement insert = connection.prepareStatement(INSERT + recomputed(" AND o.customer_id = ?"))) {
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
