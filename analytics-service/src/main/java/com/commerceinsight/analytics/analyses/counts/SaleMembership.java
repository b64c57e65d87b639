package com.commerceinsight.analytics.analyses.counts;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * commerce.basket_sale: the orders whose products the basket counts hold, which are exactly the sales (the analyses'
 * SalesScope: kind sale, not cancelled or unavailable, no refunded payment). Comparing it with the orders' current
 * state tells which orders a change brought into the sales (their products are to be added to the counts) and which
 * it took out (to be subtracted), whatever the change was: a new order, a cancellation, a refund or its reversal.
 */
public final class SaleMembership {

    public static final String TABLE = "commerce.basket_sale";

    /** The sales condition over {@code commerce.orders o}, as SalesScope states it. */
    public static final String IS_SALE = "o.kind = 'sale' AND o.status NOT IN ('cancelled', 'unavailable')"
            + " AND NOT EXISTS (SELECT 1 FROM commerce.payment r WHERE r.order_id = o.id AND r.status = 'refunded')";

    /**
     * Every order of the customer with its distinct products, whether it is a sale now and whether it is counted: read
     * through an index on orders.customer_id, the primary key of basket_sale and ix_order_line_order_id_product_id.
     */
    private static final String CUSTOMER_ORDERS = "SELECT o.id, CASE WHEN " + IS_SALE + " THEN 1 ELSE 0 END,"
            + " CASE WHEN EXISTS (SELECT 1 FROM " + TABLE + " s WHERE s.order_id = o.id) THEN 1 ELSE 0 END, l.product_id,"
            + " o.ordered_at, o.total_amount, l.quantity, l.unit_price"
            + " FROM commerce.orders o LEFT JOIN commerce.order_line l ON l.order_id = o.id WHERE o.customer_id = ?";

    /**
     * Whether an order (alias {@code o}) has a line whose product, or the product's category, had a discount running
     * when it was placed: the discount use of analysis 5. Two EXISTS rather than one join on "product or category",
     * so that each can use its index of the discount table.
     */
    public static final String HAS_DISCOUNTED_LINE = "(EXISTS (SELECT 1 FROM commerce.order_line dl"
            + " JOIN commerce.discount d ON d.product_id = dl.product_id"
            + " WHERE dl.order_id = o.id AND d.starts_at <= o.ordered_at AND d.ends_at > o.ordered_at)"
            + " OR EXISTS (SELECT 1 FROM commerce.order_line dl JOIN commerce.product dp ON dp.id = dl.product_id"
            + " JOIN commerce.discount d ON d.category_id = dp.category_id"
            + " WHERE dl.order_id = o.id AND d.starts_at <= o.ordered_at AND d.ends_at > o.ordered_at))";

    private SaleMembership() {
    }

    /** The statement of the rebuild: every sale (into an emptied table). */
    static String rebuildAll() {
        return "INSERT INTO " + TABLE + " (order_id) SELECT o.id FROM commerce.orders o WHERE " + IS_SALE;
    }

    /**
     * Orders that entered or left the sales, by id, and the customers they belong to, each with their sales before
     * and after the change.
     */
    public record Changes(Map<Long, SaleOrder> entered, Map<Long, SaleOrder> left, Map<Long, SalesHistory> customers) {

        public boolean isEmpty() {
            return entered.isEmpty() && left.isEmpty();
        }
    }

    /** An order that entered or left the sales: its UTC day, total, lines per distinct product, and discount use. */
    public record SaleOrder(LocalDate day, BigDecimal total, Map<Long, ProductLines> lines, boolean discounted) {

        SaleOrder withDiscounted(boolean discounted) {
            return new SaleOrder(day, total, lines, discounted);
        }
    }

    /** A customer's sales (day and total of each) as basket_sale held them before the change, and as they are now. */
    public record SalesHistory(List<Sale> before, List<Sale> after) {
    }

    public record Sale(LocalDate day, BigDecimal total) {
    }

    /** The lines of one product in one order, added up. */
    public record ProductLines(long units, BigDecimal revenue) {

        public ProductLines plus(ProductLines other) {
            return new ProductLines(units + other.units, revenue.add(other.revenue));
        }
    }

    /**
     * A new order that is a sale, placed after every sale its customer had (see {@link #appended}): its lines per
     * distinct product, and the category of each of those products that has one.
     */
    public record PlacedSale(long orderId, LocalDateTime orderedAt, BigDecimal total, Map<Long, ProductLines> lines,
            Map<Long, Long> categories) {
    }

    /** The days of a customer's first and last sale. */
    public record SalesSpan(LocalDate firstDay, LocalDate lastDay) {
    }

    /** A customer's new sales, all later than their earlier ones, and the span of those earlier ones (null: none). */
    public record AppendedSales(SalesSpan earlier, List<PlacedSale> sales) {
    }

    /**
     * The fast path of {@link #reconcile} for new orders that come after all of their customers' sales, which is what
     * an order placed now is. A placement changes the sale state of no other order, so the entered orders are the new
     * sales themselves, read from memory, not from the customer's history; nor do the period counts need that history.
     * What a new sale changes in them depends only on whether the customer already had a sale in the sale's day, week
     * and month, and on the period of their first sale (new versus returning). As every earlier sale lies before the new
     * ones, the last earlier sale is in one of those periods exactly when any earlier sale is. So the history before
     * stands as two sales of nothing, on the first and the last sale's days (the customer's sales row holds both), and
     * the history after adds the new ones: every other sale would add the same to both, and cancel out. Why: reading
     * the sales made the cost of a new order grow with its customer's history.
     */
    static Changes appended(Connection connection, Map<Long, AppendedSales> customers) throws SQLException {
        Changes changes = new Changes(new LinkedHashMap<>(), new LinkedHashMap<>(), new TreeMap<>());
        for (Map.Entry<Long, AppendedSales> customer : customers.entrySet()) {
            SalesSpan earlier = customer.getValue().earlier();
            List<Sale> before = earlier == null ? List.of()
                    : List.of(new Sale(earlier.firstDay(), BigDecimal.ZERO), new Sale(earlier.lastDay(), BigDecimal.ZERO));
            List<Sale> after = new ArrayList<>(before);
            for (PlacedSale sale : customer.getValue().sales()) {
                LocalDate day = sale.orderedAt().toLocalDate();
                after.add(new Sale(day, sale.total()));
                changes.entered().put(sale.orderId(), new SaleOrder(day, sale.total(), sale.lines(), false));
            }
            changes.customers().put(customer.getKey(), new SalesHistory(before, List.copyOf(after)));
        }
        markDiscounted(connection, changes.entered());
        write(connection, "INSERT INTO " + TABLE + " (order_id) VALUES (?)", changes.entered().keySet());
        return changes;
    }

    /** Both sets of changes in one (they concern different customers and orders). */
    static Changes merged(Changes a, Changes b) {
        Changes all = new Changes(new LinkedHashMap<>(a.entered()), new LinkedHashMap<>(a.left()), new TreeMap<>(a.customers()));
        all.entered().putAll(b.entered());
        all.left().putAll(b.left());
        all.customers().putAll(b.customers());
        return all;
    }

    /** The orders of these customers whose sale state differs from basket_sale, which this brings in line. */
    static Changes reconcile(Connection connection, Collection<Long> customerIds) throws SQLException {
        Changes changes = new Changes(new LinkedHashMap<>(), new LinkedHashMap<>(), new TreeMap<>());
        try (PreparedStatement read = ReusedStatements.prepare(connection, CUSTOMER_ORDERS)) {
            for (Long customerId : customerIds) {
                read.setLong(1, customerId);
                Map<Long, Sale> before = new LinkedHashMap<>();
                Map<Long, Sale> after = new LinkedHashMap<>();
                boolean changed = false;
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        boolean sale = rows.getInt(2) == 1;
                        boolean counted = rows.getInt(3) == 1;
                        if (!sale && !counted) {
                            continue;
                        }
                        long orderId = rows.getLong(1);
                        Sale figures = new Sale(rows.getObject(5, LocalDateTime.class).toLocalDate(), rows.getBigDecimal(6));
                        if (counted) {
                            before.putIfAbsent(orderId, figures);
                        }
                        if (sale) {
                            after.putIfAbsent(orderId, figures);
                        }
                        if (sale != counted) {
                            SaleOrder order = (sale ? changes.entered() : changes.left()).computeIfAbsent(orderId,
                                    id -> new SaleOrder(figures.day(), figures.total(), new TreeMap<>(), false));
                            long product = rows.getLong(4);
                            if (!rows.wasNull()) {
                                order.lines().merge(product, new ProductLines(rows.getLong(7),
                                        rows.getBigDecimal(8).multiply(BigDecimal.valueOf(rows.getLong(7)))), ProductLines::plus);
                            }
                            changed = true;
                        }
                    }
                }
                if (changed) {
                    changes.customers().put(customerId, new SalesHistory(List.copyOf(before.values()), List.copyOf(after.values())));
                }
            }
        }
        markDiscounted(connection, changes.entered());
        markDiscounted(connection, changes.left());
        write(connection, "INSERT INTO " + TABLE + " (order_id) VALUES (?)", changes.entered().keySet());
        write(connection, "DELETE FROM " + TABLE + " WHERE order_id = ?", changes.left().keySet());
        return changes;
    }

    /** Marks the orders with a discounted line: one statement per chunk of them, naming the discounted ones. */
    private static void markDiscounted(Connection connection, Map<Long, SaleOrder> orders) throws SQLException {
        InLists.query(connection, orders.keySet(), places -> "SELECT o.id FROM commerce.orders o WHERE o.id IN ("
                + InLists.marks(places) + ") AND " + HAS_DISCOUNTED_LINE,
                row -> orders.computeIfPresent(row.getLong(1), (id, order) -> order.withDiscounted(true)));
    }

    private static void write(Connection connection, String sql, Collection<Long> orderIds) throws SQLException {
        if (orderIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = ReusedStatements.prepare(connection, sql)) {
            for (Long id : orderIds) {
                statement.setLong(1, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
