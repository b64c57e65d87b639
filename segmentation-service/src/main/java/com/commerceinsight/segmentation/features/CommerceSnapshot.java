package com.commerceinsight.segmentation.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

import io.agroal.api.AgroalDataSource;

/**
 * Reads customers' purchase summaries from the commerce tables: sales (counted and summed when not cancelled; all of
 * them date the first and last order) and sessions. A training reads them as of a snapshot time (ordered and started at
 * or before it); the stored summaries, which events keep current, are read from everything the tables hold when read.
 * Statuses are the current ones (the commerce tables keep no status history), so an order cancelled after the snapshot
 * counts as cancelled.
 */
@ApplicationScoped
public class CommerceSnapshot {

    /**
     * In SQL, not through an entity: analytics-service owns commerce.orders and maps it; this service reads four of its
     * columns in these statements, which need no mapping of their own.
     */
    private static final String ORDERS = "SELECT o.customer_id,"
            + " SUM(CASE WHEN o.status <> 'cancelled' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN o.status <> 'cancelled' THEN o.total_amount ELSE 0 END), MIN(o.ordered_at), MAX(o.ordered_at)"
            + " FROM commerce.orders o WHERE o.customer_id IS NOT NULL AND o.kind = 'sale'";
    private static final String ORDERED_BY = " AND o.ordered_at <= :at";
    private static final String SESSIONS = "SELECT s.customer_id, COUNT(*) FROM commerce.customer_session s"
            + " WHERE s.customer_id IS NOT NULL";
    private static final String STARTED_BY = " AND s.started_at <= :at";
    /** Sessions in the shape of ORDERS' rows, to follow them in one statement: the count negated tells them apart. */
    private static final String SESSIONS_AS_ORDER_ROWS = "SELECT s.customer_id, -COUNT(*), NULL, NULL, NULL"
            + " FROM commerce.customer_session s WHERE s.customer_id IS NOT NULL";
    private static final String LATEST_SALE = "SELECT MAX(o.ordered_at) FROM commerce.orders o"
            + " WHERE o.customer_id IS NOT NULL AND o.kind = 'sale'";

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public CommerceSnapshot(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Every customer with an order or a session by the snapshot, in customer id order. */
    public List<PurchaseSummary> summaries(LocalDateTime at) {
        return merge(rows(entityManager.createNativeQuery(ORDERS + ORDERED_BY + " GROUP BY o.customer_id").setParameter("at", at)),
                rows(entityManager.createNativeQuery(SESSIONS + STARTED_BY + " GROUP BY s.customer_id").setParameter("at", at)));
    }

    /** Every customer with an order or a session, from everything the tables hold now, in customer id order. */
    public List<PurchaseSummary> current() {
        return merge(rows(entityManager.createNativeQuery(ORDERS + " GROUP BY o.customer_id")),
                rows(entityManager.createNativeQuery(SESSIONS + " GROUP BY s.customer_id")));
    }

    /**
     * These customers' summaries from everything the tables hold now, by customer id (one without an order or a session
     * is left out), read on the caller's transaction: an event batch names up to a few hundred customers. Orders and
     * sessions come in one statement (a round trip fewer per batch), each branch through its customer_id index, the ids
     * bound as parameters in IN lists.
     */
    public Map<Long, PurchaseSummary> current(Collection<Long> customerIds) throws SQLException {
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> sessions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<Long> chunk : InLists.chunks(customerIds)) {
                String in = " IN (" + InLists.marks(chunk.size()) + ")";
                String sql = ORDERS + " AND o.customer_id" + in + " GROUP BY o.customer_id UNION ALL "
                        + SESSIONS_AS_ORDER_ROWS + " AND s.customer_id" + in + " GROUP BY s.customer_id";
                try (PreparedStatement statement = ReusedStatements.prepare(connection, sql)) {
                    InLists.bind(statement, InLists.bind(statement, 1, chunk), chunk);
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            int count = row.getInt(2);
                            if (count < 0) { // a session count, negated to tell it from an order count, which is never negative
                                sessions.add(new Object[] { row.getLong(1), -count });
                            } else {
                                orders.add(new Object[] { row.getLong(1), count, row.getBigDecimal(3),
                                        row.getObject(4, LocalDateTime.class), row.getObject(5, LocalDateTime.class) });
                            }
                        }
                    }
                }
            }
        }
        Map<Long, PurchaseSummary> byCustomer = new HashMap<>();
        merge(orders, sessions).forEach(summary -> byCustomer.put(summary.customerId(), summary));
        return byCustomer;
    }

    /** One customer's summary as of {@code at}, computed from scratch. */
    public Optional<PurchaseSummary> summary(long customerId, LocalDateTime at) {
        List<PurchaseSummary> one = merge(
                rows(entityManager.createNativeQuery(ORDERS + ORDERED_BY + " AND o.customer_id = :customer GROUP BY o.customer_id")
                        .setParameter("at", at).setParameter("customer", customerId)),
                rows(entityManager.createNativeQuery(SESSIONS + STARTED_BY + " AND s.customer_id = :customer GROUP BY s.customer_id")
                        .setParameter("at", at).setParameter("customer", customerId)));
        return one.stream().findFirst();
    }

    /** The time of the latest sale: the default snapshot, so a historical data set is segmented as of its own end. */
    public Optional<LocalDateTime> latestOrderAt() {
        return Optional.ofNullable(dateTime(entityManager.createNativeQuery(LATEST_SALE).getSingleResult()));
    }

    /** A native query's rows (several columns each: arrays). */
    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    /** A timestamp column's value as the driver hands it to a native query (java.time, or java.sql by older settings). */
    private static LocalDateTime dateTime(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
    }

    private static List<PurchaseSummary> merge(List<Object[]> orders, List<Object[]> sessions) {
        Map<Long, PurchaseSummary> byCustomer = new TreeMap<>();
        for (Object[] row : orders) {
            long customerId = ((Number) row[0]).longValue();
            double spend = row[2] == null ? 0 : ((Number) row[2]).doubleValue();
            byCustomer.put(customerId, new PurchaseSummary(customerId, ((Number) row[1]).intValue(), spend,
                    dateTime(row[3]), dateTime(row[4]), 0));
        }
        for (Object[] row : sessions) {
            long customerId = ((Number) row[0]).longValue();
            int count = ((Number) row[1]).intValue();
            PurchaseSummary summary = byCustomer.get(customerId);
            byCustomer.put(customerId, summary == null ? new PurchaseSummary(customerId, 0, 0, null, null, count)
                    : new PurchaseSummary(customerId, summary.orders(), summary.spend(), summary.firstOrderAt(),
                            summary.lastOrderAt(), count));
        }
        return new ArrayList<>(byCustomer.values());
    }
}
