package com.commerceinsight.segmentation.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Reads every customer's purchase summary from the commerce tables as of a snapshot time: sales ordered at or
 * before it (counted and summed when not cancelled; all of them date the first and last order), and sessions
 * started at or before it. Statuses are the current ones (the commerce
 * tables keep no status history), so an order cancelled after the snapshot counts as cancelled.
 */
@ApplicationScoped
public class CommerceSnapshot {

    /**
     * In SQL, not through an entity: analytics-service owns commerce.orders and maps it; this service reads four of its
     * columns in these two statements, which need no mapping of their own.
     */
    private static final String ORDERS = "SELECT o.customer_id,"
            + " SUM(CASE WHEN o.status <> 'cancelled' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN o.status <> 'cancelled' THEN o.total_amount ELSE 0 END), MIN(o.ordered_at), MAX(o.ordered_at)"
            + " FROM commerce.orders o WHERE o.customer_id IS NOT NULL AND o.kind = 'sale' AND o.ordered_at <= :at";
    private static final String LATEST_SALE = "SELECT MAX(o.ordered_at) FROM commerce.orders o"
            + " WHERE o.customer_id IS NOT NULL AND o.kind = 'sale'";
    private static final String SESSIONS = "select s.customerId, count(s) from CommerceSession s where s.startedAt <= :at";

    private final EntityManager entityManager;

    public CommerceSnapshot(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every customer with an order or a session by the snapshot, in customer id order. */
    public List<PurchaseSummary> summaries(LocalDateTime at) {
        return merge(rows(entityManager.createNativeQuery(ORDERS + " GROUP BY o.customer_id").setParameter("at", at)),
                entityManager.createQuery(SESSIONS + " group by s.customerId", Object[].class).setParameter("at", at).getResultList());
    }

    /** One customer's summary, computed from scratch. */
    public Optional<PurchaseSummary> summary(long customerId, LocalDateTime at) {
        List<PurchaseSummary> one = merge(
                rows(entityManager.createNativeQuery(ORDERS + " AND o.customer_id = :customer GROUP BY o.customer_id")
                        .setParameter("at", at).setParameter("customer", customerId)),
                entityManager.createQuery(SESSIONS + " and s.customerId = :customer group by s.customerId", Object[].class)
                        .setParameter("at", at).setParameter("customer", customerId).getResultList());
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
