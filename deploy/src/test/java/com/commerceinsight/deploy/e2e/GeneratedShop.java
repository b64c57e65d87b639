package com.commerceinsight.deploy.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated sample shop's customers who have ordered (the ones the trained models know) and its products, for
 * tests and benchmarks that order as the shop's own customers do.
 */
record GeneratedShop(List<Long> customerIds, List<Long> productIds) {

    static GeneratedShop read(Connection db) throws SQLException {
        List<Long> customers = ids(db, "SELECT c.id FROM commerce.customer c WHERE c.data_source = 'generated' AND EXISTS "
                + "(SELECT 1 FROM commerce.orders o WHERE o.customer_id = c.id) ORDER BY c.id");
        List<Long> products = ids(db, "SELECT id FROM commerce.product WHERE data_source = 'generated' ORDER BY id");
        if (customers.isEmpty() || products.isEmpty()) {
            throw new IllegalStateException("no generated sample shop in the database (run with -De2e.sample-orders=N)");
        }
        return new GeneratedShop(List.copyOf(customers), List.copyOf(products));
    }

    /** The customers from index {@code from} (inclusive) to {@code to} (exclusive), for a part of a run of its own. */
    List<Long> customers(int from, int to) {
        return customerIds.subList(from, Math.min(to, customerIds.size()));
    }

    private static List<Long> ids(Connection db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
