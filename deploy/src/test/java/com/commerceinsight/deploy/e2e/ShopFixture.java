package com.commerceinsight.deploy.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Customers and products written straight into the commerce schema, for the tests to order against. */
record ShopFixture(List<Long> customerIds, List<Long> productIds) {

    static ShopFixture create(Connection db, String tag, int customers, int products) throws SQLException {
        long categoryId = nextId(db, "category");
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO commerce.category (id, data_source, external_ref, name) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, categoryId);
            insert.setString(2, tag);
            insert.setString(3, "c1");
            insert.setString(4, "test category");
            insert.executeUpdate();
        }
        List<Long> customerIds = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO commerce.customer (id, data_source, external_ref, first_name) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < customers; i++) {
                long id = nextId(db, "customer");
                insert.setLong(1, id);
                insert.setString(2, tag);
                insert.setString(3, "c" + i);
                insert.setString(4, "Customer " + i);
                insert.executeUpdate();
                customerIds.add(id);
            }
        }
        List<Long> productIds = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO commerce.product "
                + "(id, data_source, external_ref, name, price, category_id, stock_quantity) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < products; i++) {
                long id = nextId(db, "product");
                insert.setLong(1, id);
                insert.setString(2, tag);
                insert.setString(3, "p" + i);
                insert.setString(4, "Product " + i);
                insert.setBigDecimal(5, BigDecimal.valueOf(199 + 37L * i, 2));
                insert.setLong(6, categoryId);
                insert.setInt(7, 100);
                insert.executeUpdate();
                productIds.add(id);
            }
        }
        return new ShopFixture(customerIds, productIds);
    }

    private static long nextId(Connection db, String table) throws SQLException {
        try (var statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NEXT VALUE FOR commerce." + table + "_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
