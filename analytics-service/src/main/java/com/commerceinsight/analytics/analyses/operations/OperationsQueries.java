package com.commerceinsight.analytics.analyses.operations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.limits.SeriesLimits;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.dashboards.DashboardFilter;
import com.commerceinsight.analytics.dashboards.DashboardService;
import com.commerceinsight.analytics.dashboards.OrdersManagement;

/** Operations analyses: daily cost of goods (9), fulfilment times (12), payment-method mix and order status breakdown. */
@ApplicationScoped
public class OperationsQueries {

    private final EntityManager em;
    private final DashboardService dashboards;
    private final FulfilmentQueries fulfilment;
    private final SeriesLimits limits;

    public OperationsQueries(EntityManager em, DashboardService dashboards, FulfilmentQueries fulfilment, SeriesLimits limits) {
        this.limits = limits;
        this.em = em;
        this.dashboards = dashboards;
        this.fulfilment = fulfilment;
    }

    /**
     * Days from the range's first (or the first movement's) day to its last (or the last movement's), with the 30-day
     * average, from the kept per day and category costs ({@link DailyCostRows}).
     */
    public List<DailyCostOfGoods> dailyCostOfGoods(AnalysisRequest request) {
        limits.requireSeriesSpan(request.from, request.to, ChronoUnit.DAYS, null);
        HqlConditions categories = new HqlConditions().addIfSet(
                "c.categoryId in (select cat.id from Category cat where cat.id = :categoryId or cat.parentId = :categoryId)",
                "categoryId", request.categoryId);
        String from = " from DailyCategoryCost c where ";
        Object[] span = categories.bind(em.createQuery("select min(c.day), max(c.day)" + from + categories.hql(), Object[].class))
                .getSingleResult();
        if (span[0] == null) {
            return List.of();
        }
        LocalDate firstData = (LocalDate) span[0];
        LocalDate first = request.from != null ? request.from : firstData;
        LocalDate last = request.to != null ? request.to : (LocalDate) span[1];
        limits.requireSeriesSpan(request.from, request.to, first, last, ChronoUnit.DAYS, null);
        // Read the 29 days before the range too: the first days' averages need them.
        HqlConditions window = categories.addIfSet("c.day >= :windowStart", "windowStart", first.minusDays(CostOfGoodsSeries.WINDOW_DAYS - 1))
                .addIfSet("c.day <= :lastDay", "lastDay", last);
        Map<LocalDate, BigDecimal> costByDay = new TreeMap<>();
        window.bind(em.createQuery("select c.day, sum(c.cost)" + from + window.hql() + " group by c.day", Object[].class)).getResultList()
                .forEach(r -> costByDay.put((LocalDate) r[0], r[1] == null ? BigDecimal.ZERO : (BigDecimal) r[1]));
        return CostOfGoodsSeries.of(costByDay, firstData, first, last);
    }

    public FulfilmentTimes fulfilmentTimes(AnalysisRequest request) {
        return fulfilment.fulfilmentTimes(request);
    }

    /**
     * Every payment row of orders under the date and customer filters, by method (the payment-method filter is not
     * applied). Filtered by dates only, from the dashboards' payment summaries, which file every attempt of a sale order
     * under the order's day and the attempt's method and status; otherwise counted from the payments.
     */
    public List<PaymentMethodMix> paymentMethodMix(AnalysisRequest request) {
        AnalysisRequest orders = request.withoutPaymentMethod();
        if (orders.filtersSalesByDateOnly()) {
            return paymentMethodMixOfSummaries(orders);
        }
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

    private List<PaymentMethodMix> paymentMethodMixOfSummaries(AnalysisRequest request) {
        List<OrdersManagement.PaymentOutcome> methods = dashboards.paymentsByMethod(new DashboardFilter(request.from, request.to, null, null, null, null));
        BigDecimal allSucceeded = methods.stream().map(OrdersManagement.PaymentOutcome::succeededAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return methods.stream()
                .filter(m -> m.pending() + m.succeeded() + m.failed() + m.refunded() > 0)
                .sorted(Comparator.comparing(OrdersManagement.PaymentOutcome::paymentMethod))
                .map(m -> new PaymentMethodMix(m.paymentMethod(), m.pending() + m.succeeded() + m.failed() + m.refunded(), m.succeeded(),
                        m.failed(), m.refunded(), m.pending(), m.successRate(), m.succeededAmount().setScale(2),
                        allSucceeded.signum() == 0 ? null : m.succeededAmount().doubleValue() / allSucceeded.doubleValue()))
                .toList();
    }

    /**
     * Orders of kind sale by status under the filters (every status, so cancelled orders show here). Without a customer
     * or payment method filter, from the kept rows per day and status ({@link OrderStatusRows}); otherwise counted
     * from the orders.
     */
    public List<OrderStatusShare> statusBreakdown(AnalysisRequest request) {
        List<Object[]> rows;
        if (request.country == null && request.state == null && request.paymentMethod == null) {
            HqlConditions days = new HqlConditions().addIfSet("d.day >= :fromDay", "fromDay", request.from)
                    .addIfSet("d.day <= :toDay", "toDay", request.to).addIfSet("d.status = :status", "status", request.status);
            rows = days.bind(em.createQuery("select d.status, sum(d.orders), sum(d.amount) from DailyStatusOrders d where " + days.hql()
                    + " group by d.status having sum(d.orders) > 0 order by sum(d.orders) desc, d.status", Object[].class)).getResultList();
        } else {
            HqlConditions where = SalesScope.allOrders(request);
            rows = where.bind(em.createQuery("select o.status, count(o), sum(o.totalAmount) from CustomerOrder o where "
                    + where.hql() + " group by o.status order by count(o) desc, o.status", Object[].class)).getResultList();
        }
        long all = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        return rows.stream().map(r -> new OrderStatusShare((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[1]).doubleValue() / all, ((BigDecimal) r[2]).setScale(2))).toList();
    }
    private static long count(Object[] row) {
        return row == null ? 0 : ((Number) row[2]).longValue();
    }

    private static BigDecimal amount(Object[] row) {
        return row == null ? BigDecimal.ZERO : (BigDecimal) row[3];
    }
}
