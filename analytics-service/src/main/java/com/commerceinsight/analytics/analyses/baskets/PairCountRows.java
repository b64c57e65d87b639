package com.commerceinsight.analytics.analyses.baskets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * commerce.product_sale_count (per product, the sales holding it) and commerce.product_pair_sales (per pair of
 * products, the sales holding both), the figures of bought together and wishlist suggestions. An order counts once
 * per product and once per pair however many lines name them.
 * <p>
 * Pairs are counted exactly, for every order whatever its size: an order of n distinct products adds n(n-1)/2 pair
 * rows, so an order of 300 products changes 44,850 rows (one batched UPDATE, an INSERT for the new pairs), while the
 * generated orders (1-5 products) change a handful. Capping the products per order would make "orders holding both"
 * mean something else for large orders (Online Retail invoices of hundreds of lines); those come in through imports,
 * which the rebuild recounts in bulk, and an order placed through the API holds at most 500 lines.
 * <p>
 * Rows change in key order, so that two transactions adding to the same rows lock them in the same order, and a
 * row falling to zero is deleted, so that the live rows are exactly those the rebuild writes.
 */
final class PairCountRows {

    static final String PRODUCTS = "commerce.product_sale_count";
    static final String PAIRS = "commerce.product_pair_sales";

    private PairCountRows() {
    }

    /** The statements of the rebuild (into emptied tables), after basket_sale is filled. */
    static List<String> rebuildAll() {
        return List.of(
                "INSERT INTO " + PRODUCTS + " (product_id, orders) SELECT l.product_id, COUNT(DISTINCT l.order_id)"
                        + " FROM " + SaleMembership.TABLE + " s JOIN commerce.order_line l ON l.order_id = s.order_id GROUP BY l.product_id",
                "INSERT INTO " + PAIRS + " (product_a, product_b, orders) SELECT a.product_id, b.product_id, COUNT(DISTINCT a.order_id)"
                        + " FROM " + SaleMembership.TABLE + " s JOIN commerce.order_line a ON a.order_id = s.order_id"
                        + " JOIN commerce.order_line b ON b.order_id = s.order_id AND b.product_id > a.product_id"
                        + " GROUP BY a.product_id, b.product_id");
    }

    /** Adds the products and pairs of the orders that entered the sales and subtracts those of the orders that left. */
    static void apply(Connection connection, SaleMembership.Changes changes) throws SQLException {
        Map<List<Long>, Long> products = new TreeMap<>(PairCountRows::compareKeys);
        Map<List<Long>, Long> pairs = new TreeMap<>(PairCountRows::compareKeys);
        addOrders(changes.entered().values(), +1, products, pairs);
        addOrders(changes.left().values(), -1, products, pairs);
        write(connection, PRODUCTS, List.of("product_id"), products);
        write(connection, PAIRS, List.of("product_a", "product_b"), pairs);
    }

    private static void addOrders(Collection<Set<Long>> orders, long sign, Map<List<Long>, Long> products, Map<List<Long>, Long> pairs) {
        for (Set<Long> basket : orders) {
            List<Long> sorted = new ArrayList<>(basket);
            for (int i = 0; i < sorted.size(); i++) {
                products.merge(List.of(sorted.get(i)), sign, Long::sum);
                for (int j = i + 1; j < sorted.size(); j++) {
                    pairs.merge(List.of(sorted.get(i), sorted.get(j)), sign, Long::sum);
                }
            }
        }
    }

    private static int compareKeys(List<Long> a, List<Long> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** One batched UPDATE adding the deltas; an INSERT for each key it did not find; a DELETE of the rows now at zero. */
    private static void write(Connection connection, String table, List<String> keyColumns, Map<List<Long>, Long> deltas) throws SQLException {
        deltas.values().removeIf(d -> d == 0);
        if (deltas.isEmpty()) {
            return;
        }
        String where = String.join(" = ? AND ", keyColumns) + " = ?";
        List<List<Long>> keys = new ArrayList<>(deltas.keySet());
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET orders = orders + ? WHERE " + where)) {
            for (List<Long> key : keys) {
                update.setLong(1, deltas.get(key));
                bindKey(update, 2, key);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", keyColumns)
                + ", orders) VALUES (" + "?, ".repeat(keyColumns.size()) + "?)");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + where + " AND orders = 0")) {
            boolean inserts = false;
            boolean deletes = false;
            for (int i = 0; i < keys.size(); i++) {
                long delta = deltas.get(keys.get(i));
                if (updated[i] == 0) {
                    // A key not counted yet: an order entering the sales adds it; none can leave without having added it.
                    bindKey(insert, 1, keys.get(i));
                    insert.setLong(keyColumns.size() + 1, delta);
                    insert.addBatch();
                    inserts = true;
                } else if (delta < 0) {
                    bindKey(delete, 1, keys.get(i));
                    delete.addBatch();
                    deletes = true;
                }
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (deletes) {
                delete.executeBatch();
            }
        }
    }

    private static void bindKey(PreparedStatement statement, int first, List<Long> key) throws SQLException {
        for (int i = 0; i < key.size(); i++) {
            statement.setLong(first + i, key.get(i));
        }
    }
}
