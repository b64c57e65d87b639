package com.commerceinsight.analytics.analyses;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import com.commerceinsight.analytics.dashboards.SummaryRebuilder;

/**
 * A shop small enough to check every figure by hand (the expected values in {@link TinyShopAnalysesTest} are worked
 * out in its comments). Sales are orders 1000, 1001, 1004, 1005, 1006, 1007: 1002 is cancelled, 1003 refunded.
 * February 2024 has no sale; customers 101 and 102 have one sale each; 103's second sale is exactly 30 days after its first.
 * Suppliers: Acme supplies products 10 and 11, Bolt 12 and 13, Idle nothing; orders 1000, 1003 and 1004 were returned.
 */
final class TinyShop {

    private static final List<String> ROWS = List.of(
            "INSERT INTO commerce.category (id, data_source, external_ref, name, parent_id) VALUES "
                    + "(1, 'tiny', 'c1', 'Books', NULL), (2, 'tiny', 'c2', 'Novels', 1), (3, 'tiny', 'c3', 'Games', NULL)",
            // Supplier 3 supplies nothing.
            "INSERT INTO commerce.supplier (id, data_source, external_ref, name, city, country) VALUES "
                    + "(1, 'tiny', 's1', 'Acme', 'Berlin', 'DE'), (2, 'tiny', 's2', 'Bolt', 'Paris', 'FR'), (3, 'tiny', 's3', 'Idle', 'Rome', 'IT')",
            // Products 10 and 11 share the name "Pen": grouped by id they stay two products. Acme supplies the pens,
            // Bolt the dice and the board.
            "INSERT INTO commerce.product (id, data_source, external_ref, sku, name, price, category_id, supplier_id, stock_quantity) VALUES "
                    + "(10, 'tiny', 'p10', 'PEN-A', 'Pen', 10.000, 1, 1, 5), (11, 'tiny', 'p11', 'PEN-B', 'Pen', 20.000, 2, 1, 50), "
                    + "(12, 'tiny', 'p12', 'DICE', 'Dice', 5.000, 3, 2, 19), (13, 'tiny', 'p13', 'BOARD', 'Board', 40.000, 3, 2, 20)",
            "INSERT INTO commerce.customer (id, data_source, external_ref, first_name, last_name, country, state) VALUES "
                    + "(100, 'tiny', 'k100', 'Ada', 'A', 'DE', 'BE'), (101, 'tiny', 'k101', 'Ben', 'B', 'DE', 'HH'), "
                    + "(102, 'tiny', 'k102', 'Cleo', 'C', 'FR', 'IDF'), (103, 'tiny', 'k103', 'Dan', 'D', 'FR', 'IDF')",
            "INSERT INTO commerce.orders (id, data_source, external_ref, customer_id, kind, status, ordered_at, shipped_at, delivered_at, "
                    + "estimated_delivery_at, total_amount) VALUES "
                    + "(1000, 'tiny', 'o1000', 100, 'sale', 'delivered', '2024-01-05 10:00:00', '2024-01-06 10:00:00', '2024-01-08 10:00:00', '2024-01-07 10:00:00', 25.00), "
                    + "(1001, 'tiny', 'o1001', 100, 'sale', 'delivered', '2024-01-20 09:00:00', NULL, '2024-01-24 09:00:00', '2024-01-25 09:00:00', 30.00), "
                    + "(1002, 'tiny', 'o1002', 101, 'sale', 'cancelled', '2024-01-10 12:00:00', NULL, NULL, NULL, 40.00), "
                    + "(1003, 'tiny', 'o1003', 101, 'sale', 'delivered', '2024-03-02 08:00:00', NULL, '2024-03-05 08:00:00', NULL, 30.00), "
                    + "(1004, 'tiny', 'o1004', 101, 'sale', 'shipped', '2024-03-15 08:00:00', '2024-03-16 20:00:00', NULL, NULL, 25.00), "
                    + "(1005, 'tiny', 'o1005', 102, 'sale', 'pending', '2024-03-20 15:00:00', NULL, NULL, NULL, 40.00), "
                    + "(1006, 'tiny', 'o1006', 103, 'sale', 'delivered', '2024-04-01 00:00:00', NULL, NULL, NULL, 40.00), "
                    + "(1007, 'tiny', 'o1007', 103, 'sale', 'delivered', '2024-05-01 00:00:00', NULL, NULL, NULL, 5.00)",
            // Order 1004 holds product 12 on two lines: co-purchase counts must count the order once.
            "INSERT INTO commerce.order_line (id, order_id, line_number, product_id, quantity, unit_price) VALUES "
                    + "(1, 1000, 1, 10, 2, 10.000), (2, 1000, 2, 12, 1, 5.000), (3, 1001, 1, 11, 1, 20.000), (4, 1001, 2, 12, 2, 5.000), "
                    + "(5, 1002, 1, 13, 1, 40.000), (6, 1003, 1, 10, 1, 10.000), (7, 1003, 2, 11, 1, 20.000), "
                    + "(8, 1004, 1, 12, 2, 5.000), (9, 1004, 2, 10, 1, 10.000), (10, 1004, 3, 12, 1, 5.000), "
                    + "(11, 1005, 1, 13, 1, 40.000), (12, 1006, 1, 13, 1, 40.000), (13, 1007, 1, 12, 1, 5.000)",
            "INSERT INTO commerce.payment (id, order_id, customer_id, sequence_no, method, amount, status) VALUES "
                    + "(1, 1000, 100, 1, 'credit_card', 25.00, 'succeeded'), (2, 1001, 100, 1, 'paypal', 30.00, 'succeeded'), "
                    + "(3, 1002, 101, 1, 'credit_card', 40.00, 'failed'), (4, 1003, 101, 1, 'credit_card', 30.00, 'succeeded'), "
                    + "(5, 1003, 101, 2, 'credit_card', 30.00, 'refunded'), (6, 1004, 101, 1, 'credit_card', 25.00, 'succeeded')",
            "INSERT INTO commerce.shipment (id, order_id, shipped_at, status) VALUES "
                    + "(1, 1001, '2024-01-22 09:00:00', 'shipped'), (2, 1001, '2024-01-23 09:00:00', 'delivered')",
            // Returns: of 1000 (approved), of the refunded 1003 (approved), of 1004 (rejected).
            "INSERT INTO commerce.order_return (id, order_id, returned_at, reason, status) VALUES "
                    + "(1, 1000, '2024-01-12 10:00:00', 'Defective', 'approved'), (2, 1003, '2024-03-08 08:00:00', 'Wrong size', 'approved'), "
                    + "(3, 1004, '2024-03-25 08:00:00', 'Defective', 'rejected')",
            "INSERT INTO commerce.review (id, data_source, external_ref, product_id, customer_id, rating) VALUES "
                    + "(1, 'tiny', 'r1', 10, 100, 4), (2, 'tiny', 'r2', 10, 101, 5), (3, 'tiny', 'r3', 12, 100, 3), "
                    + "(4, 'tiny', 'r4', 13, 102, 5), (5, 'tiny', 'r5', 13, 103, 4), (6, 'tiny', 'r6', 13, 100, 4), "
                    + "(7, 'tiny', 'r7', NULL, 101, 1)",
            "INSERT INTO commerce.wishlist_item (id, customer_id, product_id, added_at) VALUES "
                    + "(1, 102, 10, '2024-02-01 00:00:00'), (2, 101, 10, '2024-02-02 00:00:00'), (3, 100, 13, '2024-02-03 00:00:00')",
            // D1 covers order 1000 (product 12); D2 only the refunded 1003; D3 is shop-wide; D4 starts exactly at 1005's
            // time (counted); D5 ends exactly at 1004's time (not counted).
            "INSERT INTO commerce.discount (id, code, percentage, starts_at, ends_at, is_active, product_id, category_id) VALUES "
                    + "(1, 'D1', 10.00, '2024-01-01 00:00:00', '2024-01-10 00:00:00', FALSE, 12, NULL), "
                    + "(2, 'D2', 10.00, '2024-03-01 00:00:00', '2024-03-10 00:00:00', FALSE, NULL, 2), "
                    + "(3, 'D3', 5.00, '2024-01-01 00:00:00', '2024-12-31 00:00:00', TRUE, NULL, NULL), "
                    + "(4, 'D4', 15.00, '2024-03-20 15:00:00', '2024-03-21 00:00:00', FALSE, NULL, 3), "
                    + "(5, 'D5', 20.00, '2024-03-01 00:00:00', '2024-03-15 08:00:00', FALSE, 10, NULL)",
            // Cost of goods: 5 Jan 25.00, 20 Jan 20.00, 21 Jan -20.00 (a return); the restock is no cost.
            "INSERT INTO commerce.inventory_movement (id, product_id, quantity, movement_type, moved_at) VALUES "
                    + "(1, 10, 100, 'restock', '2024-01-01 00:00:00'), (2, 10, -2, 'sale', '2024-01-05 10:00:00'), "
                    + "(3, 12, -1, 'sale', '2024-01-05 10:00:00'), (4, 11, -1, 'sale', '2024-01-20 09:00:00'), "
                    + "(5, 11, 1, 'return', '2024-01-21 09:00:00')");

    private TinyShop() {
    }

    static synchronized void ensure(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM commerce.orders")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            for (String sql : ROWS) {
                s.executeUpdate(sql);
            }
        }
        // Rows written around the order ingest: the summaries the analyses read (customer sales) are rebuilt, as after any bulk load.
        new SummaryRebuilder(dataSource).rebuild();
    }
}
