package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The commerce tables as plain rows, read straight from the fact tables (never from the summaries), with each sale
 * order's derived facts worked out in Java: whether it was its customer's first, and the method of its first payment
 * attempt. The tests compute their expected dashboards from these.
 */
record FactRows(List<Order> orders, Map<Long, String> categoryNames) {

    record Line(long categoryId, long quantity, BigDecimal unitPrice) {
        BigDecimal revenue() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    record PaymentRow(int sequenceNo, long id, String method, String status, BigDecimal amount) {
    }

    record Order(long id, Long customerId, LocalDateTime orderedAt, String status, BigDecimal total, String state,
                 String country, List<Line> lines, List<PaymentRow> payments, boolean first) {

        LocalDate day() {
            return orderedAt.toLocalDate();
        }

        String firstMethod() {
            return payments.stream().min(Comparator.comparingInt(PaymentRow::sequenceNo).thenComparingLong(PaymentRow::id))
                    .map(PaymentRow::method).orElse("none");
        }

        boolean cancelled() {
            return status.equals("cancelled");
        }

        boolean returning() {
            return customerId != null && !first;
        }
    }

    static FactRows read(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<Long, String> categoryNames = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM commerce.category")) {
                while (rs.next()) {
                    categoryNames.put(rs.getLong(1), rs.getString(2));
                }
            }
            Map<Long, List<Line>> lines = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT l.order_id, p.category_id, l.quantity, l.unit_price "
                    + "FROM commerce.order_line l JOIN commerce.product p ON p.id = l.product_id")) {
                while (rs.next()) {
                    long category = rs.getLong(2); // 0 when null, as the summaries file it
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Line(category, rs.getLong(3), rs.getBigDecimal(4)));
                }
            }
            Map<Long, List<PaymentRow>> payments = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT order_id, sequence_no, id, method, status, amount FROM commerce.payment")) {
                while (rs.next()) {
                    payments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new PaymentRow(rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6)));
                }
            }
            record Raw(long id, Long customerId, LocalDateTime orderedAt, String status, BigDecimal total, String state, String country) {
            }
            List<Raw> raw = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT o.id, o.customer_id, o.ordered_at, o.status, o.total_amount, c.state, "
                    + "c.country, o.country FROM commerce.orders o LEFT JOIN commerce.customer c ON c.id = o.customer_id "
                    + "WHERE o.kind = 'sale'")) {
                while (rs.next()) {
                    Long customer = rs.getObject(2) == null ? null : rs.getLong(2);
                    String country = rs.getString(7) != null ? rs.getString(7) : rs.getString(8) != null ? rs.getString(8) : "unknown";
                    raw.add(new Raw(rs.getLong(1), customer, rs.getTimestamp(3).toLocalDateTime(), rs.getString(4),
                            rs.getBigDecimal(5), rs.getString(6) == null ? "unknown" : rs.getString(6), country));
                }
            }
            Map<Long, Raw> firstOfCustomer = new HashMap<>();
            for (Raw r : raw) {
                if (r.customerId() != null) {
                    firstOfCustomer.merge(r.customerId(), r, (a, b) -> a.orderedAt().isBefore(b.orderedAt())
                            || a.orderedAt().equals(b.orderedAt()) && a.id() < b.id() ? a : b);
                }
            }
            List<Order> orders = raw.stream().map(r -> new Order(r.id(), r.customerId(), r.orderedAt(), r.status(), r.total(),
                    r.state(), r.country(), lines.getOrDefault(r.id(), List.of()), payments.getOrDefault(r.id(), List.of()),
                    r.customerId() != null && firstOfCustomer.get(r.customerId()).id() == r.id())).toList();
            return new FactRows(orders, categoryNames);
        }
    }
}
