package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.analytics.analyses.counts.SaleMembership;
import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * commerce.customer_sales: per customer, the number and amount of their sales and the times of their first, second
 * and last sale, for the customer analyses (retention, RFM, most orders). A sale is what the analyses' SalesScope
 * counts: an order of kind sale, not cancelled or unavailable, without a refunded payment. First and second are not
 * sums, and an order leaving the sales (a cancellation, a refund) can make the second the first, so a customer's row
 * is recomputed from their orders rather than added to: the same statement recomputes every row in the rebuild and
 * one customer's row live. Native SQL in the common subset of T-SQL and H2 (ROW_NUMBER in a derived table).
 * <p>
 * Live cost per batch of orders: one batched DELETE and one batched INSERT ... SELECT keyed by customer, each
 * customer's SELECT reading their orders through an index on orders.customer_id and one refund probe per order
 * (ix_payment_order_id_status); status and payment changes recompute only when the order enters or leaves the sales.
 * Concurrent batches never recompute one customer at once: the ingest locks a batch's customer rows.
 */
final class CustomerSalesRows {

    static final String TABLE = "commerce.customer_sales";

    private static final String INSERT = "INSERT INTO " + TABLE
            + " (customer_id, sales, amount, first_sale_at, second_sale_at, last_sale_at) ";

    /** Sales of customers; {@code customerCondition} narrows the inner SELECT ("" for every customer). */
    private static String recomputed(String customerCondition) {
        return "SELECT t.customer_id, COUNT(*), SUM(t.total_amount), MIN(t.ordered_at),"
                + " MAX(CASE WHEN t.rn = 2 THEN t.ordered_at END), MAX(t.ordered_at)"
                + " FROM (SELECT o.customer_id, o.ordered_at, o.total_amount,"
                + " ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at, o.id) AS rn"
                + " FROM commerce.orders o"
                + " WHERE o.kind = 'sale' AND o.customer_id IS NOT NULL AND o.status NOT IN ('cancelled', 'unavailable')"
                + " AND NOT EXISTS (SELECT 1 FROM commerce.payment r WHERE r.order_id = o.id AND r.status = 'refunded')"
                + customerCondition + ") t GROUP BY t.customer_id";
    }

    private CustomerSalesRows() {
    }

    /** The statement of the rebuild: every customer's row from the orders (into an emptied table). */
    static String rebuildAll() {
        return INSERT + recomputed("");
    }

    /** A new sale of a customer: when it was placed and its total. */
    record NewSale(LocalDateTime orderedAt, BigDecimal total) {
    }

    /**
     * Adds new sales to their customers' rows where they come after every sale the row holds (an order placed now):
     * the row is read by key and rewritten, not recomputed from the customer's orders. Returns those customers, each
     * with the days of their first and last sale before the change (null: they had none); the others (a back-dated
     * sale) are left for {@link #recompute}. {@code sales} are each customer's new sales in the order they were placed.
     */
    static Map<Long, SaleMembership.SalesSpan> append(Connection connection, Map<Long, List<NewSale>> sales) throws SQLException {
        Map<Long, SaleMembership.SalesSpan> appended = new TreeMap<>();
        Map<Long, Row> rows = rowsOf(connection, sales.keySet());
        try (PreparedStatement update = ReusedStatements.prepare(connection, "UPDATE " + TABLE + " SET sales = ?, amount = ?,"
                     + " first_sale_at = ?, second_sale_at = ?, last_sale_at = ? WHERE customer_id = ?");
             PreparedStatement insert = ReusedStatements.prepare(connection, "INSERT INTO " + TABLE + " (sales, amount, first_sale_at,"
                     + " second_sale_at, last_sale_at, customer_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean updates = false;
            boolean inserts = false;
            for (Map.Entry<Long, List<NewSale>> customer : sales.entrySet()) {
                List<NewSale> added = customer.getValue();
                Row row = rows.get(customer.getKey());
                if (row == null) {
                    bind(insert, added.size(), total(added), added.get(0).orderedAt(),
                            added.size() > 1 ? added.get(1).orderedAt() : null, added.get(added.size() - 1).orderedAt());
                    insert.setLong(6, customer.getKey());
                    insert.addBatch();
                    inserts = true;
                    appended.put(customer.getKey(), null);
                    continue;
                }
                if (!added.get(0).orderedAt().isAfter(row.last())) {
                    continue; // placed at or before a counted sale: its place in the history needs the recompute
                }
                LocalDateTime second = row.sales() >= 2 ? row.second() : added.get(0).orderedAt();
                bind(update, row.sales() + added.size(), row.amount().add(total(added)), row.first(), second,
                        added.get(added.size() - 1).orderedAt());
                update.setLong(6, customer.getKey());
                update.addBatch();
                updates = true;
                appended.put(customer.getKey(), new SaleMembership.SalesSpan(row.first().toLocalDate(), row.last().toLocalDate()));
            }
            if (updates) {
                update.executeBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
        return appended;
    }

    /** A customer's row as stored. */
    private record Row(long sales, BigDecimal amount, LocalDateTime first, LocalDateTime second, LocalDateTime last) {
    }

    /** The rows of these customers, one statement per chunk of them. */
    private static Map<Long, Row> rowsOf(Connection connection, Collection<Long> customerIds) throws SQLException {
        Map<Long, Row> rows = new HashMap<>();
        InLists.query(connection, customerIds, places -> "SELECT customer_id, sales, amount, first_sale_at, second_sale_at,"
                + " last_sale_at FROM " + TABLE + " WHERE customer_id IN (" + InLists.marks(places) + ")",
                row -> rows.put(row.getLong(1), new Row(row.getLong(2), row.getBigDecimal(3), row.getObject(4, LocalDateTime.class),
                        row.getObject(5, LocalDateTime.class), row.getObject(6, LocalDateTime.class))));
        return rows;
    }

    /** The row's figures as parameters 1 to 5 (the customer is the 6th of both statements). */
    private static void bind(PreparedStatement statement, long count, BigDecimal amount, LocalDateTime first,
            LocalDateTime second, LocalDateTime last) throws SQLException {
        statement.setLong(1, count);
        statement.setBigDecimal(2, amount);
        statement.setObject(3, first);
        if (second == null) {
            statement.setNull(4, Types.TIMESTAMP);
        } else {
            statement.setObject(4, second);
        }
        statement.setObject(5, last);
    }

    private static BigDecimal total(List<NewSale> sales) {
        return sales.stream().map(NewSale::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Recomputes the rows of these customers (in ascending id order, the order in which the ingest locks them). */
    static void recompute(Connection connection, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = ReusedStatements.prepare(connection, "DELETE FROM " + TABLE + " WHERE customer_id = ?");
             PreparedStatement insert = ReusedStatements.prepare(connection, INSERT + recomputed(" AND o.customer_id = ?"))) {
            for (Long customerId : customerIds) {
                delete.setLong(1, customerId);
                delete.addBatch();
                insert.setLong(1, customerId);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
