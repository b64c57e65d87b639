package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.catalog.Category;
import com.commerceinsight.analytics.dashboards.SummaryQueries.Grouping;
import com.commerceinsight.analytics.dashboards.SummaryQueries.OrderTotals;
import com.commerceinsight.analytics.dashboards.SummaryQueries.PaymentTotals;
import com.commerceinsight.analytics.limits.SeriesLimits;

/** Builds the four dashboard pages from the daily summaries. */
@ApplicationScoped
public class DashboardService {

    private final SummaryQueries summaries;
    private final EntityManager entityManager;
    private final SeriesLimits limits;

    DashboardService(SummaryQueries summaries, EntityManager entityManager, SeriesLimits limits) {
        this.summaries = summaries;
        this.entityManager = entityManager;
        this.limits = limits;
    }

    public HomeKpis home(DashboardFilter filter) {
        OrderTotals orders = summaries.orderTotals(filter);
        PaymentTotals payments = summaries.paymentTotals(filter);
        return new HomeKpis(orders.netOrders(), money(orders.netRevenue()), orders.netUnits(),
                average(orders.netRevenue(), orders.netOrders()), orders.firstOrders(), orders.returningOrders(),
                orders.cancelledOrders(), ratio(orders.cancelledOrders(), orders.orders()), payments.refunded(),
                money(payments.refundedAmount()), ratio(payments.succeeded(), payments.succeeded() + payments.failed()));
    }

    public SalesOverview sales(DashboardFilter filter, Period period) {
        requireSeriesSpan(filter, period);
        List<SalesOverview.SalesPeriod> periods = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal previous = null;
        Map<Grouping, List<OrderTotals>> orders = summaries.orders(filter,
                List.of(seriesGrouping(period), Grouping.REGION, Grouping.PAYMENT_METHOD));
        for (Map.Entry<LocalDate, OrderTotals> entry : byPeriod(filter, period, orders.get(seriesGrouping(period))).entrySet()) {
            OrderTotals t = entry.getValue();
            running = running.add(t.netRevenue());
            Double growth = previous == null || previous.signum() == 0 ? null
                    : t.netRevenue().doubleValue() / previous.doubleValue() - 1;
            periods.add(new SalesOverview.SalesPeriod(entry.getKey(), t.netOrders(), t.netUnits(), money(t.netRevenue()),
                    money(running), growth));
            previous = t.netRevenue();
        }
        List<OrderTotals> categories = summaries.orders(filter, Grouping.CATEGORY);
        Map<Long, String> names = categoryNames(categories.stream().map(t -> (Long) t.group().get(0)).toList());
        return new SalesOverview(periods,
                sortedByRevenue(categories, t -> new SalesOverview.CategorySales((Long) t.group().get(0),
                        names.get((Long) t.group().get(0)), t.netOrders(), t.netUnits(), money(t.netRevenue()))),
                sortedByRevenue(orders.get(Grouping.REGION), t -> new SalesOverview.RegionSales(
                        (String) t.group().get(0), (String) t.group().get(1), t.netOrders(), money(t.netRevenue()))),
                sortedByRevenue(orders.get(Grouping.PAYMENT_METHOD), t -> new SalesOverview.MethodSales(
                        (String) t.group().get(0), t.netOrders(), money(t.netRevenue()))));
    }

    public CustomerInsights customers(DashboardFilter filter, Period period) {
        requireSeriesSpan(filter, period);
        Map<Grouping, List<OrderTotals>> orders = summaries.orders(filter, List.of(seriesGrouping(period), Grouping.REGION));
        List<OrderTotals> days = orders.get(seriesGrouping(period));
        OrderTotals all = total(days);
        List<CustomerInsights.CustomerPeriod> periods = byPeriod(filter, period, days).entrySet().stream()
                .map(e -> new CustomerInsights.CustomerPeriod(e.getKey(), e.getValue().firstOrders(), e.getValue().returningOrders()))
                .toList();
        List<CustomerInsights.RegionCustomers> regions = sortedByRevenue(orders.get(Grouping.REGION),
                t -> new CustomerInsights.RegionCustomers((String) t.group().get(0), (String) t.group().get(1), t.firstOrders(),
                        t.netOrders(), money(t.netRevenue()), average(t.netRevenue(), t.netOrders())));
        return new CustomerInsights(all.firstOrders(), all.returningOrders(),
                ratio(all.returningOrders(), all.firstOrders() + all.returningOrders()), periods, regions);
    }

    public OrdersManagement orders(DashboardFilter filter, Period period) {
        requireSeriesSpan(filter, period);
        List<OrderTotals> days = summaries.orders(filter, seriesGrouping(period));
        OrderTotals all = total(days);
        List<OrdersManagement.StatusCount> byStatus = new ArrayList<>();
        for (int i = 0; i < SummaryTable.OrderMeasures.STATUSES.size(); i++) {
            if (all.ordersByStatus().get(i) > 0) {
                byStatus.add(new OrdersManagement.StatusCount(SummaryTable.OrderMeasures.STATUSES.get(i), all.ordersByStatus().get(i)));
            }
        }
        List<OrdersManagement.OrderPeriod> periods = byPeriod(filter, period, days).entrySet().stream()
                .map(e -> new OrdersManagement.OrderPeriod(e.getKey(), e.getValue().orders(), e.getValue().cancelledOrders()))
                .toList();
        return new OrdersManagement(all.orders(), all.cancelledOrders(), ratio(all.cancelledOrders(), all.orders()), byStatus,
                periods, paymentsByMethod(filter));
    }

    /** Payment attempts per method (the attempt's own) and status, with amounts, of the orders the filter selects. */
    public List<OrdersManagement.PaymentOutcome> paymentsByMethod(DashboardFilter filter) {
        return summaries.payments(filter, Grouping.PAYMENT_METHOD).stream()
                .map(p -> new OrdersManagement.PaymentOutcome((String) p.group().get(0), p.pending(), p.succeeded(), p.failed(),
                        p.refunded(), ratio(p.succeeded(), p.succeeded() + p.failed()), money(p.succeededAmount()),
                        money(p.refundedAmount())))
                .toList();
    }

    /** Rows a series in the period can be summed from: month rows serve a series in months, not one in weeks or days. */
    private static Grouping seriesGrouping(Period period) {
        return period == Period.MONTH ? Grouping.DAY_OR_MONTH : Grouping.DAY;
    }

    /** A series longer than its period allows is refused before any summary is read. */
    private void requireSeriesSpan(DashboardFilter filter, Period period) {
        limits.requireSeriesSpan(filter.from(), filter.to(), period.step(), "period");
    }

    /**
     * Day (or month) rows summed into periods, every period from the range's start (or the first day with orders) to its end (or
     * the last such day) present, empty ones as zeros, so a series has no gaps. An open end taken from the data is
     * checked against the span limit too.
     */
    private Map<LocalDate, OrderTotals> byPeriod(DashboardFilter filter, Period period, List<OrderTotals> days) {
        Map<LocalDate, OrderTotals> periods = new TreeMap<>();
        if (days.isEmpty() && (filter.from() == null || filter.to() == null)) {
            return periods;
        }
        LocalDate first = filter.from() != null ? filter.from() : (LocalDate) days.get(0).group().get(0);
        LocalDate last = filter.to() != null ? filter.to() : (LocalDate) days.get(days.size() - 1).group().get(0);
        limits.requireSeriesSpan(filter.from(), filter.to(), first, last, period.step(), "period");
        for (LocalDate start = period.startOf(first); !start.isAfter(last); start = period.next(start)) {
            periods.put(start, SummaryQueries.OrderTotals.zero());
        }
        for (OrderTotals day : days) {
            periods.merge(period.startOf((LocalDate) day.group().get(0)), day, OrderTotals::plus);
        }
        return periods;
    }

    /** The page's totals summed from its day rows in memory: one scan of the summary fewer. */
    private static OrderTotals total(List<OrderTotals> days) {
        return days.stream().reduce(OrderTotals.zero(), OrderTotals::plus);
    }

    private Map<Long, String> categoryNames(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("from Category c where c.id in :ids", Category.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(c -> c.id, c -> c.name));
    }

    private static <T> List<T> sortedByRevenue(List<OrderTotals> totals, Function<OrderTotals, T> view) {
        return totals.stream().sorted((a, b) -> b.netRevenue().compareTo(a.netRevenue())).map(view).toList();
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(BigDecimal amount, long count) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
