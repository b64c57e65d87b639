package com.commerceinsight.analytics.analyses;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every row the analyses read, loaded with plain JDBC: the input of the reference computations. */
record ShopSnapshot(List<OrderRow> orders, List<LineRow> lines, List<PaymentRow> payments, List<ProductRow> products,
                    List<CategoryRow> categories, List<CustomerRow> customers, List<ReviewRow> reviews, List<WishRow> wishes,
                    List<DiscountRow> discounts, List<MovementRow> movements, List<ShipmentRow> shipments) {

    record OrderRow(long id, Long customerId, String kind, String status, LocalDateTime orderedAt, LocalDateTime shippedAt,
                    LocalDateTime deliveredAt, LocalDateTime estimatedAt, BigDecimal total) { }
    record LineRow(long orderId, long productId, int quantity, BigDecimal unitPrice) { }
    record PaymentRow(long orderId, String method, BigDecimal amount, String status) { }
    record ProductRow(long id, String name, Long categoryId, Integer stock, BigDecimal price) { }
    record CategoryRow(long id, Long parentId) { }
    record CustomerRow(long id, String country, String state) { }
    record ReviewRow(Long productId, int rating) { }
    record WishRow(long customerId, long productId) { }
    record DiscountRow(Long productId, Long categoryId, LocalDateTime startsAt, LocalDateTime endsAt) { }
    record MovementRow(long productId, int quantity, String type, LocalDateTime movedAt) { }
    record ShipmentRow(long orderId, LocalDateTime shippedAt) { }

    static ShopSnapshot read(Connection c) throws Exception {
        return new ShopSnapshot(
                rows(c, "SELECT id, customer_id, kind, status, ordered_at, shipped_at, delivered_at, estimated_delivery_at, total_amount FROM commerce.orders",
                        rs -> new OrderRow(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), time(rs, 5),
                                time(rs, 6), time(rs, 7), time(rs, 8), rs.getBigDecimal(9))),
                rows(c, "SELECT order_id, product_id, quantity, unit_price FROM commerce.order_line",
                        rs -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4))),
                rows(c, "SELECT order_id, method, amount, status FROM commerce.payment",
                        rs -> new PaymentRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4))),
                rows(c, "SELECT id, name, category_id, stock_quantity, price FROM commerce.product",
                        rs -> new ProductRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getObject(4, Integer.class),
                                rs.getBigDecimal(5))),
                rows(c, "SELECT id, parent_id FROM commerce.category", rs -> new CategoryRow(rs.getLong(1), rs.getObject(2, Long.class))),
                rows(c, "SELECT id, country, state FROM commerce.customer", rs -> new CustomerRow(rs.getLong(1), rs.getString(2), rs.getString(3))),
                rows(c, "SELECT product_id, rating FROM commerce.review", rs -> new ReviewRow(rs.getObject(1, Long.class), rs.getInt(2))),
                rows(c, "SELECT customer_id, product_id FROM commerce.wishlist_item", rs -> new WishRow(rs.getLong(1), rs.getLong(2))),
                rows(c, "SELECT product_id, category_id, starts_at, ends_at FROM commerce.discount",
                        rs -> new DiscountRow(rs.getObject(1, Long.class), rs.getObject(2, Long.class), time(rs, 3), time(rs, 4))),
                rows(c, "SELECT product_id, quantity, movement_type, moved_at FROM commerce.inventory_movement",
                        rs -> new MovementRow(rs.getLong(1), rs.getInt(2), rs.getString(3), time(rs, 4))),
                rows(c, "SELECT order_id, shipped_at FROM commerce.shipment", rs -> new ShipmentRow(rs.getLong(1), time(rs, 2))));
    }

    Map<Long, ProductRow> productsById() {
        return products.stream().collect(Collectors.toMap(ProductRow::id, Function.identity()));
    }

    Map<Long, OrderRow> ordersById() {
        return orders.stream().collect(Collectors.toMap(OrderRow::id, Function.identity()));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws Exception;
    }

    private static <T> List<T> rows(Connection c, String sql, RowReader<T> reader) throws Exception {
        List<T> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
        }
        return rows;
    }

    private static LocalDateTime time(ResultSet rs, int column) throws Exception {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
