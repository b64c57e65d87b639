package com.commerceinsight.analytics.dashboards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.commerceinsight.analytics.orders.CustomerOrder;
import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * commerce.customer_first_order: per customer, the sale order the summaries file as the customer's first (its
 * first_orders count; every other sale order of the customer counts as returning). The live summaries decide first
 * versus returning by the database as it is when they apply an order, which may already hold a back-dated order whose
 * event comes later; this row says which order was filed as first, so that exactly that one is moved to the returning
 * orders when another becomes the first. The rebuild sets every row to the customer's earliest sale order.
 */
final class FirstOrderRows {

    static final String TABLE = "commerce.customer_first_order";

    /** The rebuild's statement: each customer's earliest sale order, by time then id (into an emptied table). */
    static final String REBUILD = "INSERT INTO " + TABLE + " (customer_id, order_id)"
            + " SELECT t.customer_id, t.id FROM (SELECT o.customer_id, o.id,"
            + " ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at, o.id) AS rn"
            + " FROM commerce.orders o WHERE o.kind = 'sale' AND o.customer_id IS NOT NULL) t WHERE t.rn = 1";

    private FirstOrderRows() {
    }

    /**
     * Files these orders as their customers' first (one per customer) and returns the orders filed as first before,
     * which are now returning ones.
     */
    static List<Long> replace(Connection connection, Map<Long, CustomerOrder> firstByCustomer) throws SQLException {
        List<Long> formerFirsts = new ArrayList<>();
        if (firstByCustomer.isEmpty()) {
            return formerFirsts;
        }
        Map<Long, Long> filed = new HashMap<>();
        InLists.query(connection, firstByCustomer.keySet(), places -> "SELECT customer_id, order_id FROM " + TABLE
                + " WHERE customer_id IN (" + InLists.marks(places) + ")", row -> filed.put(row.getLong(1), row.getLong(2)));
        try (PreparedStatement update = ReusedStatements.prepare(connection, "UPDATE " + TABLE + " SET order_id = ? WHERE customer_id = ?");
             PreparedStatement insert = ReusedStatements.prepare(connection, "INSERT INTO " + TABLE + " (order_id, customer_id) VALUES (?, ?)")) {
            boolean updates = false;
            boolean inserts = false;
            for (Map.Entry<Long, CustomerOrder> first : firstByCustomer.entrySet()) {
                Long former = filed.get(first.getKey());
                if (first.getValue().id.equals(former)) {
                    continue;
                }
                PreparedStatement statement = former == null ? insert : update;
                statement.setLong(1, first.getValue().id);
                statement.setLong(2, first.getKey());
                statement.addBatch();
                if (former == null) {
                    inserts = true;
                } else {
                    updates = true;
                    formerFirsts.add(former);
                }
            }
            if (updates) {
                update.executeBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
        return formerFirsts;
    }
}
