package com.commerceinsight.prediction.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * Reads customers' histories from the commerce schema (owned by analytics-service, read-only here). Plain JDBC on
 * purpose: this service maps none of the commerce tables as entities (their owner may change them), and a training
 * snapshot streams a million rows that need no managed state. Every statement is a plain SELECT with joins, valid
 * on SQL Server and on H2 in MSSQLServer mode.
 *
 * <p>The commerce schema keeps an order's current status, not when it changed. Delivery and shipping have times;
 * a cancellation does not, so it is dated by the order's last failed or refunded payment (when a cancellation
 * happens in this shop's life cycle), or by the order time when there is none.
 */
public final class CommerceHistoryReader {

    /**
     * The rows a statement reads: all, or those whose column named in {@code sql} ({@code " AND o.id IN (?, ...)"}) is
     * among {@code ids}, bound as parameters in a list of {@link InLists#places} places. Why not the ids written into
     * the text: every batch of events then sent statements never seen before, which the database parses and plans
     * anew (SQL Server also keeps a plan for each in its cache); a handful of texts are prepared once per connection.
     */
    private record Filter(String sql, List<Long> ids) {
        static final Filter NONE = new Filter("", List.of());

        static Filter in(String column, List<Long> ids) {
            return new Filter(" AND " + column + " IN (" + InLists.marks(ids.size()) + ")", ids);
        }

        Filter on(String column) {
            return ids.isEmpty() ? this : in(column, ids);
        }
    }

    private record Lines(List<Long> categories, List<Long> products) {
    }

    private final Connection connection;

    public CommerceHistoryReader(Connection connection) {
        this.connection = connection;
    }

    /** Every customer with at least one order. */
    public Map<Long, CustomerHistory> readAll() throws SQLException {
        return read(null);
    }

    /** The given customers (those without an order are left out). */
    public Map<Long, CustomerHistory> read(Collection<Long> customerIds) throws SQLException {
        if (customerIds != null && customerIds.isEmpty()) {
            return Map.of();
        }
        if (customerIds != null && customerIds.size() > InLists.MAX_PLACES) {
            return inChunks(customerIds, this::read);
        }
        Filter filter = customerIds == null ? Filter.NONE : Filter.in("o.customer_id", List.copyOf(customerIds));
        Map<Long, CustomerHistory> histories = readOrderFacts(filter);
        Filter customerFilter = filter.on("x.customer_id");
        forEachRow("SELECT x.customer_id, x.rating, x.reviewed_at FROM commerce.review x WHERE x.reviewed_at IS NOT NULL"
                + " AND x.customer_id IS NOT NULL", customerFilter, rs -> {
                    CustomerHistory h = histories.get(rs.getLong(1));
                    if (h != null) {
                        h.review(new CustomerHistory.Review(time(rs, 3), rs.getInt(2)));
                    }
                });
        forEachRow("SELECT x.customer_id, x.added_at FROM commerce.wishlist_item x WHERE 1 = 1", customerFilter, rs -> {
            CustomerHistory h = histories.get(rs.getLong(1));
            if (h != null) {
                h.wishlisted(time(rs, 2));
            }
        });
        forEachRow("SELECT x.customer_id, x.started_at, x.ended_at FROM commerce.customer_session x WHERE 1 = 1", customerFilter, rs -> {
            CustomerHistory h = histories.get(rs.getLong(1));
            if (h != null) {
                h.session(new CustomerHistory.Session(time(rs, 2), time(rs, 3)));
            }
        });
        return histories;
    }

    /**
     * The facts of the given orders only, by customer: each order with its lines, payments and returns, in histories
     * that hold nothing else (see {@link CustomerHistory#replaceOrders}). Orders without a customer are left out. Four
     * statements, however long the customers' histories are: what an order event changed, without the rest.
     */
    public Map<Long, CustomerHistory> readOrders(Collection<Long> orderIds) throws SQLException {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        if (orderIds.size() > InLists.MAX_PLACES) {
            return inChunks(orderIds, this::readOrders);
        }
        return readOrderFacts(Filter.in("o.id", List.copyOf(orderIds)));
    }

    /** Orders, their lines, payments and returns, for the orders the filter (on {@code o}) selects. */
    private Map<Long, CustomerHistory> readOrderFacts(Filter filter) throws SQLException {
        Map<Long, Lines> lines = readLines(filter);
        Map<Long, LocalDateTime> lastTroubleByOrder = new HashMap<>();
        Map<Long, List<CustomerHistory.Payment>> payments = readPayments(filter, lastTroubleByOrder);
        Map<Long, CustomerHistory> histories = readOrderRows(filter, lines, lastTroubleByOrder);
        payments.forEach((customer, list) -> {
            CustomerHistory history = histories.get(customer);
            if (history != null) {
                list.forEach(history::payment);
            }
        });
        forEachRow("SELECT o.customer_id, r.order_id, r.returned_at FROM commerce.order_return r JOIN commerce.orders o"
                + " ON o.id = r.order_id WHERE r.returned_at IS NOT NULL", filter, rs -> {
                    CustomerHistory h = histories.get(rs.getLong(1));
                    if (h != null) {
                        h.returned(new CustomerHistory.Return(rs.getLong(2), time(rs, 3)));
                    }
                });
        return histories;
    }

    @FunctionalInterface
    private interface Read {
        Map<Long, CustomerHistory> of(Collection<Long> ids) throws SQLException;
    }

    /** Reads in IN lists of at most {@link InLists#MAX_PLACES} ids, merging histories a customer has in several chunks. */
    private static Map<Long, CustomerHistory> inChunks(Collection<Long> ids, Read read) throws SQLException {
        Map<Long, CustomerHistory> all = new LinkedHashMap<>();
        for (List<Long> chunk : InLists.chunks(ids)) {
            read.of(chunk).forEach((customer, history) -> {
                CustomerHistory earlier = all.putIfAbsent(customer, history);
                if (earlier != null) {
                    earlier.replaceOrders(history.orders().stream().map(CustomerHistory.Order::orderId).toList(), history);
                }
            });
        }
        return all;
    }

    /** Whether the customer placed a sale order before the cutoff: one indexed read, before a whole history is read. */
    public boolean hasSaleBefore(long customerId, LocalDateTime cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM commerce.orders o WHERE o.customer_id = ?"
                + " AND o.ordered_at < ? AND o.kind <> 'cancellation'")) {
            statement.setMaxRows(1);
            statement.setLong(1, customerId);
            statement.setObject(2, cutoff);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Map<Long, Lines> readLines(Filter filter) throws SQLException {
        Map<Long, Lines> lines = new HashMap<>();
        forEachRow("SELECT l.order_id, l.product_id, p.category_id FROM commerce.order_line l"
                + " JOIN commerce.orders o ON o.id = l.order_id JOIN commerce.product p ON p.id = l.product_id"
                + " WHERE o.customer_id IS NOT NULL", filter, rs -> {
                    Lines of = lines.computeIfAbsent(rs.getLong(1), id -> new Lines(new ArrayList<>(2), new ArrayList<>(2)));
                    of.products().add(rs.getLong(2));
                    long category = rs.getLong(3);
                    if (!rs.wasNull()) {
                        of.categories().add(category);
                    }
                });
        return lines;
    }

    private Map<Long, List<CustomerHistory.Payment>> readPayments(Filter filter, Map<Long, LocalDateTime> lastTroubleByOrder)
            throws SQLException {
        Map<Long, List<CustomerHistory.Payment>> payments = new HashMap<>();
        forEachRow("SELECT o.customer_id, p.order_id, p.status, p.paid_at FROM commerce.payment p"
                + " JOIN commerce.orders o ON o.id = p.order_id WHERE o.customer_id IS NOT NULL AND p.paid_at IS NOT NULL", filter, rs -> {
                    String status = rs.getString(3);
                    LocalDateTime at = time(rs, 4);
                    boolean failed = "failed".equals(status);
                    if (failed || "refunded".equals(status)) {
                        lastTroubleByOrder.merge(rs.getLong(2), at, (a, b) -> a.isAfter(b) ? a : b);
                    }
                    payments.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new CustomerHistory.Payment(rs.getLong(2), at, "succeeded".equals(status) || "refunded".equals(status), failed));
                });
        return payments;
    }

    private Map<Long, CustomerHistory> readOrderRows(Filter filter, Map<Long, Lines> lines, Map<Long, LocalDateTime> lastTroubleByOrder)
            throws SQLException {
        Map<Long, CustomerHistory> histories = new LinkedHashMap<>();
        Lines none = new Lines(List.of(), List.of());
        forEachRow("SELECT o.customer_id, c.registered_at, o.id, o.kind, o.status, o.ordered_at, o.shipped_at, o.delivered_at,"
                + " o.total_amount FROM commerce.orders o JOIN commerce.customer c ON c.id = o.customer_id"
                + " WHERE o.customer_id IS NOT NULL", filter, " ORDER BY o.customer_id, o.ordered_at", rs -> {
                    long customerId = rs.getLong(1);
                    LocalDateTime registeredAt = time(rs, 2);
                    CustomerHistory history = histories.computeIfAbsent(customerId, id -> new CustomerHistory(id, registeredAt));
                    long orderId = rs.getLong(3);
                    LocalDateTime orderedAt = time(rs, 6);
                    LocalDateTime cancelledAt = "cancelled".equals(rs.getString(5))
                            ? lastTroubleByOrder.getOrDefault(orderId, orderedAt) : null;
                    Lines of = lines.getOrDefault(orderId, none);
                    history.order(new CustomerHistory.Order(orderId, orderedAt, "cancellation".equals(rs.getString(4)),
                            rs.getBigDecimal(9).doubleValue(), time(rs, 7), time(rs, 8), cancelledAt,
                            of.categories().stream().mapToLong(Long::longValue).toArray(),
                            of.products().stream().mapToLong(Long::longValue).toArray()));
                });
        return histories;
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private void forEachRow(String sql, Filter filter, RowConsumer consumer) throws SQLException {
        forEachRow(sql, filter, "", consumer);
    }

    /**
     * Runs {@code sql} with the filter's condition and then {@code tail} appended. A filtered statement is kept prepared
     * on the connection ({@link ReusedStatements}): the event path runs the same few texts batch after batch.
     */
    private void forEachRow(String sql, Filter filter, String tail, RowConsumer consumer) throws SQLException {
        String text = sql + filter.sql() + tail;
        try (PreparedStatement statement = filter.ids().isEmpty() ? connection.prepareStatement(text)
                : ReusedStatements.prepare(connection, text)) {
            if (!filter.ids().isEmpty()) {
                InLists.bind(statement, 1, filter.ids());
            }
            statement.setFetchSize(5_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }
}
