package com.commerceinsight.analytics.analyses.operations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.SalesScope;

/** Operations analyses: daily cost of goods (9), fulfilment times (12), payment-method mix and order status breakdown. */
@ApplicationScoped
public class OperationsQueries {

    private static final String COST_MOVEMENTS = "m.movementType in ('sale', 'return')";

    private final EntityManager em;

    public OperationsQueries(EntityManager em) {
        this.em = em;
    }

    /** Days from the range's first (or the first movement's) day to its last (or the last movement's), with the 30-day average. */
    public List<DailyCostOfGoods> dailyCostOfGoods(AnalysisRequest request) {
        HqlConditions products = new HqlConditions().add(COST_MOVEMENTS)
                .addIfSet(SalesScope.categoryOf("p"), "categoryId", request.categoryId);
        String from = " from InventoryMovement m join Product p on p.id = m.productId where ";
        Object[] span = products.bind(em.createQuery("select min(m.movedAt), max(m.movedAt)" + from + products.hql(), Object[].class))
                .getSingleResult();
        if (span[0] == null) {
            return List.of();
        }
        LocalDate firstData = ((LocalDateTime) span[0]).toLocalDate();
        LocalDate first = request.from != null ? request.from : firstData;
        LocalDate last = request.to != null ? request.to : ((LocalDateTime) span[1]).toLocalDate();
        // Read the 29 days before the range too: the first days' averages need them.
        HqlConditions window = products.addIfSet("m.movedAt >= :windowStart", "windowStart",
                        first.minusDays(CostOfGoodsSeries.WINDOW_DAYS - 1).atStartOfDay())
                .addIfSet("m.movedAt < :untilTime", "untilTime", last.plusDays(1).atStartOfDay());
        Map<LocalDate, BigDecimal> costByDay = new TreeMap<>();
        window.bind(em.createQuery("select cast(m.movedAt as LocalDate), sum(-m.quantity * p.price)" + from + window.hql()
                        + " group by cast(m.movedAt as LocalDate)", Object[].class)).getResultList()
                .forEach(r -> costByDay.put((LocalDate) r[0], (BigDecimal) r[1]));
        return CostOfGoodsSeries.of(costByDay, firstData, first, last);
    }

    public FulfilmentTimes fulfilmentTimes(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request);
        List<Object[]> rows = where.bind(em.createQuery("select o.orderedAt, "
                + "coalesce(o.shippedAt, (select min(s.shippedAt) from Shipment s where s.orderId = o.id)), "
                + "o.deliveredAt, o.estimatedDeliveryAt from CustomerOrder o where " + where.hql()
                + " and (o.shippedAt is not null or o.deliveredAt is not null "
                + "or exists (select 1 from Shipment s where s.orderId = o.id and s.shippedAt is not null))", Object[].class)).getResultList();
        List<Double> toShipment = new ArrayList<>();
        List<Double> toDelivery = new ArrayList<>();
        long withEstimate = 0;
        long late = 0;
        long inconsistent = 0;
        for (Object[] row : rows) {
            LocalDateTime ordered = (LocalDateTime) row[0];
            LocalDateTime shipped = (LocalDateTime) row[1];
            LocalDateTime delivered = (LocalDateTime) row[2];
            LocalDateTime estimated = (LocalDateTime) row[3];
            if (shipped != null && shipped.isBefore(ordered) || delivered != null && delivered.isBefore(ordered)) {
                inconsistent++;
                continue;
            }
            if (shipped != null) {
                toShipment.add(hours(ordered, shipped));
            }
            if (delivered != null) {
                toDelivery.add(hours(ordered, delivered));
                if (estimated != null) {
                    withEstimate++;
                    late += delivered.isAfter(estimated) ? 1 : 0;
                }
            }
        }
        return new FulfilmentTimes(DurationDistribution.of(toShipment.stream().mapToDouble(d -> d).toArray()),
                DurationDistribution.of(toDelivery.stream().mapToDouble(d -> d).toArray()), withEstimate, late,
                withEstimate == 0 ? null : (double) late / withEstimate, inconsistent);
    }

    /** Every payment row of orders under the date and customer filters, by method (the payment-method filter is not applied). */
    public List<PaymentMethodMix> paymentMethodMix(AnalysisRequest request) {
        AnalysisRequest orders = request.withoutPaymentMethod();
        HqlConditions where = SalesScope.allOrders(orders);
        Map<String, Map<String, Object[]>> byMethod = new TreeMap<>();
        where.bind(em.createQuery("select pay.method, pay.status, count(pay), sum(pay.amount) from Payment pay join pay.order o where "
                        + where.hql() + " group by pay.method, pay.status", Object[].class)).getResultList()
                .forEach(r -> byMethod.computeIfAbsent((String) r[0], m -> new HashMap<>()).put((String) r[1], r));
        BigDecimal allSucceeded = byMethod.values().stream().map(s -> amount(s.get("succeeded"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PaymentMethodMix> mix = new ArrayList<>();
        byMethod.forEach((method, statuses) -> {
            long succeeded = count(statuses.get("succeeded"));
            long failed = count(statuses.get("failed"));
            BigDecimal amount = amount(statuses.get("succeeded"));
            mix.add(new PaymentMethodMix(method, statuses.values().stream().mapToLong(OperationsQueries::count).sum(), succeeded, failed,
                    count(statuses.get("refunded")), count(statuses.get("pending")),
                    succeeded + failed == 0 ? null : (double) succeeded / (succeeded + failed), amount.setScale(2),
                    allSucceeded.signum() == 0 ? null : amount.doubleValue() / allSucceeded.doubleValue()));
        });
        return mix;
    }

    /** Orders of kind sale by status under the filters (every status, so cancelled orders show here). */
    public List<OrderStatusShare> statusBreakdown(AnalysisRequest request) {
        HqlConditions where = SalesScope.allOrders(request);
        List<Object[]> rows = where.bind(em.createQuery("select o.status, count(o), sum(o.totalAmount) from CustomerOrder o where "
                + where.hql() + " group by o.status order by count(o) desc, o.status", Object[].class)).getResultList();
        long all = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        return rows.stream().map(r -> new OrderStatusShare((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[1]).doubleValue() / all, ((BigDecimal) r[2]).setScale(2))).toList();
    }

    private static double hours(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    private static long count(Object[] row) {
        return row == null ? 0 : ((Number) row[2]).longValue();
    }

    private static BigDecimal amount(Object[] row) {
        return row == null ? BigDecimal.ZERO : (BigDecimal) row[3];
    }
}
