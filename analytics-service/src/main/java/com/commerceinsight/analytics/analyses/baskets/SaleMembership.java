package com.commerceinsight.analytics.analyses.baskets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * commerce.basket_sale: the orders whose products the basket counts hold, which are exactly the sales (the analyses'
 * SalesScope: kind sale, not cancelled or unavailable, no refunded payment). Comparing it with the orders' current
 * state tells which orders a change brought into the sales (their products are to be added to the counts) and which
 * it took out (to be subtracted), whatever the change was: a new order, a cancellation, a refund or its reversal.
 */
final class SaleMembership {

    static final String TABLE = "commerce.basket_sale";

    /** The sales condition over {@code commerce.orders o}, as SalesScope states it. */
    static final String IS_SALE = "o.kind = 'sale' AND o.status NOT IN ('cancelled', 'unavailable')"
            + " AND NOT EXISTS (SELECT 1 FROM commerce.payment r WHERE r.order_id = o.id AND r.status = 'refunded')";

    /**
     * Every order of the customer with its distinct products, whether it is a sale now and whether it is counted: read
     * through ix_orders_customer_id_ordered_at, the primary key of basket_sale and ix_order_line_order_id_product_id.
     */
    private static final String CUSTOMER_ORDERS = "SELECT o.id, CASE WHEN " + IS_SALE + " THEN 1 ELSE 0 END,"
            + " CASE WHEN EXISTS (SELECT 1 FROM " + TABLE + " s WHERE s.order_id = o.id) THEN 1 ELSE 0 END, l.product_id"
            + " FROM commerce.orders o LEFT JOIN commerce.order_line l ON l.order_id = o.id WHERE o.customer_id = ?";

    private SaleMembership() {
    }

    /** The statement of the rebuild: every sale (into an emptied table). */
    static String rebuildAll() {
        return "INSERT INTO " + TABLE + " (order_id) SELECT o.id FROM commerce.orders o WHERE " + IS_SALE;
    }

    /** Orders that entered or left the sales, each with its distinct products, and the customers they belong to. */
    record Changes(Map<Long, Set<Long>> entered, Map<Long, Set<Long>> left, Set<Long> customers) {

        boolean isEmpty() {
            return entered.isEmpty() && left.isEmpty();
        }
    }

    /** The orders of these customers whose sale state differs from basket_sale, which this brings in line. */
    static Changes reconcile(Connection connection, Collection<Long> customerIds) throws SQLException {
        Changes changes = new Changes(new LinkedHashMap<>(), new LinkedHashMap<>(), new TreeSet<>());
        try (PreparedStatement read = connection.prepareStatement(CUSTOMER_ORDERS)) {
            for (Long customerId : customerIds) {
                read.setLong(1, customerId);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        boolean sale = rows.getInt(2) == 1;
                        boolean counted = rows.getInt(3) == 1;
                        if (sale != counted) {
                            Set<Long> products = (sale ? changes.entered() : changes.left())
                                    .computeIfAbsent(rows.getLong(1), id -> new TreeSet<>());
                            long product = rows.getLong(4);
                            if (!rows.wasNull()) {
                                products.add(product);
                            }
                            changes.customers().add(customerId);
                        }
                    }
                }
            }
        }
        write(connection, "INSERT INTO " + TABLE + " (order_id) VALUES (?)", changes.entered().keySet());
        write(connection, "DELETE FROM " + TABLE + " WHERE order_id = ?", changes.left().keySet());
        return changes;
    }

    private static void write(Connection connection, String sql, Collection<Long> orderIds) throws SQLException {
        if (orderIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Long id : orderIds) {
                statement.setLong(1, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
