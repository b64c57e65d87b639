package com.commerceinsight.segmentation.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads every customer's purchase summary from the commerce tables as of a snapshot time: sales ordered at or
 * before it (counted and summed when not cancelled; all of them date the first and last order), and sessions
 * started at or before it. Statuses are the current ones (the commerce
 * tables keep no status history), so an order cancelled after the snapshot counts as cancelled.
 */
@ApplicationScoped
public class CommerceSnapshot {

    private static final String ORDERS = "select o.customerId,"
            + " sum(case when o.status <> 'cancelled' then 1 else 0 end),"
            + " sum(case when o.status <> 'cancelled' then o.totalAmount else 0 end), min(o.orderedAt), max(o.orderedAt)"
            + " from CommerceOrder o where o.customerId is not null and o.kind = 'sale' and o.orderedAt <= :at";
    private static final String SESSIONS = "select s.customerId, count(s) from CommerceSession s where s.startedAt <= :at";

    private final EntityManager entityManager;

    public CommerceSnapshot(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every customer with an order or a session by the snapshot, in customer id order. */
    public List<PurchaseSummary> summaries(LocalDateTime at) {
        return merge(entityManager.createQuery(ORDERS + " group by o.customerId", Object[].class).setParameter("at", at).getResultList(),
                entityManager.createQuery(SESSIONS + " group by s.customerId", Object[].class).setParameter("at", at).getResultList());
    }

    /** One customer's summary, computed from scratch. */
    public Optional<PurchaseSummary> summary(long customerId, LocalDateTime at) {
        List<PurchaseSummary> one = merge(
                entityManager.createQuery(ORDERS + " and o.customerId = :customer group by o.customerId", Object[].class)
                        .setParameter("at", at).setParameter("customer", customerId).getResultList(),
                entityManager.createQuery(SESSIONS + " and s.customerId = :customer group by s.customerId", Object[].class)
                        .setParameter("at", at).setParameter("customer", customerId).getResultList());
        return one.stream().findFirst();
    }

    /** The time of the latest sale: the default snapshot, so a historical data set is segmented as of its own end. */
    public Optional<LocalDateTime> latestOrderAt() {
        return Optional.ofNullable(entityManager.createQuery(
                "select max(o.orderedAt) from CommerceOrder o where o.customerId is not null and o.kind = 'sale'",
                LocalDateTime.class).getSingleResult());
    }

    private static List<PurchaseSummary> merge(List<Object[]> orders, List<Object[]> sessions) {
        Map<Long, PurchaseSummary> byCustomer = new TreeMap<>();
        for (Object[] row : orders) {
            long customerId = ((Number) row[0]).longValue();
            double spend = row[2] == null ? 0 : ((Number) row[2]).doubleValue();
            byCustomer.put(customerId, new PurchaseSummary(customerId, ((Number) row[1]).intValue(), spend,
                    (LocalDateTime) row[3], (LocalDateTime) row[4], 0));
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
