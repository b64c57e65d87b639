package com.commerceinsight.recommender.foldin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

/**
 * Sales written into the columns of the commerce tables that fold-in reads (the test database has no commerce schema
 * of its own: analytics-service owns it), committed before their events are applied, as the order ingest does.
 */
public final class CommerceOrders {

    private static long nextOrderId = 8_000_000;
    private static long nextLineId = 8_000_000;

    private CommerceOrders() {
    }

    /** Writes a sale of one unit of each product for the customer; returns its order id. */
    public static synchronized long insert(DataSource dataSource, long customerId, Instant orderedAt, List<Long> productIds)
            throws SQLException {
        long orderId = nextOrderId++;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement order = connection.prepareStatement(
                    "INSERT INTO commerce.orders (id, customer_id, kind, ordered_at) VALUES (?, ?, 'sale', ?)");
                    PreparedStatement line = connection.prepareStatement(
                            "INSERT INTO commerce.order_line (id, order_id, product_id, quantity) VALUES (?, ?, ?, 1)")) {
                order.setLong(1, orderId);
                order.setLong(2, customerId);
                order.setObject(3, LocalDateTime.ofInstant(orderedAt, ZoneOffset.UTC));
                order.executeUpdate();
                for (long productId : productIds) {
                    line.setLong(1, nextLineId++);
                    line.setLong(2, orderId);
                    line.setLong(3, productId);
                    line.addBatch();
                }
                line.executeBatch();
            }
        }
        return orderId;
    }

    /** Deletes the customers' orders (other tests activate versions, which fold in every order there is). */
    public static void deleteOrdersOf(DataSource dataSource, List<Long> customerIds) throws SQLException {
        String ids = String.join(",", customerIds.stream().map(String::valueOf).toList());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM commerce.order_line WHERE order_id IN (SELECT id FROM commerce.orders WHERE customer_id IN ("
                    + ids + "))");
            statement.executeUpdate("DELETE FROM commerce.orders WHERE customer_id IN (" + ids + ")");
        }
    }

    /** Creates the tables, once per test database (at start: an activation and a training read them). */
    static void createTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE SCHEMA IF NOT EXISTS commerce");
            ddl.execute("CREATE TABLE IF NOT EXISTS commerce.orders (id BIGINT PRIMARY KEY, customer_id BIGINT,"
                    + " kind NVARCHAR(16) NOT NULL, ordered_at TIMESTAMP(3) NOT NULL)");
            ddl.execute("CREATE TABLE IF NOT EXISTS commerce.order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL,"
                    + " product_id BIGINT NOT NULL, quantity INT NOT NULL)");
            // The other signals a training reads from the live tables (CommerceSignalReader), none of them written here.
            ddl.execute("CREATE TABLE IF NOT EXISTS commerce.wishlist_item (customer_id BIGINT NOT NULL, product_id BIGINT NOT NULL,"
                    + " added_at TIMESTAMP(3) NOT NULL)");
            ddl.execute("CREATE TABLE IF NOT EXISTS commerce.review (customer_id BIGINT, product_id BIGINT, reviewed_at TIMESTAMP(3),"
                    + " rating INT)");
        }
    }
}
