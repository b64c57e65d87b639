package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.analytics.analyses.WholeMonths;

/**
 * Sums of the summary rows that pass a filter, grouped by one dimension. These are the only reads behind the
 * dashboards: they never touch the order tables. With a category filter (or a grouping by category) order figures
 * come from the category summary, where an order counts in each category it has lines in, with those lines' units
 * and revenue. Unless the grouping is by day, the whole months of the range are read from the monthly rollups and
 * only the days of the partial months at its edges from the day rows, and the parts are added up here.
 */
@ApplicationScoped
class SummaryQueries {

    /**
     * What the rows are grouped by: the HQL expressions that become the group key. DAY reads day rows only;
     * DAY_OR_MONTH keys month rows by the month's first day and edge days by the day, for a series in months.
     */
    enum Grouping {
        NONE(), DAY("s.day"), DAY_OR_MONTH("s.day"), CATEGORY("s.categoryId"), REGION("s.customerState", "s.customerCountry"),
        PAYMENT_METHOD("s.paymentMethod"),
        /** The order summaries' whole key, month rows keyed by the month's first day (as DAY_OR_MONTH): what the others are summed from. */
        ORDER_KEY("s.day", "s.customerState", "s.customerCountry", "s.paymentMethod"),
        /** The same without the payment method, when no grouping needs it: fewer rows to hand over. */
        DAY_AND_REGION("s.day", "s.customerState", "s.customerCountry");

        final List<String> expressions;

        Grouping(String... expressions) {
            this.expressions = List.of(expressions);
        }
    }

    /** Order figures of a group; ordersByStatus follows {@link SummaryTable.OrderMeasures#STATUSES}. */
    record OrderTotals(List<Object> group, long orders, long firstOrders, long returningOrders, long units, BigDecimal revenue,
                       long cancelledUnits, BigDecimal cancelledRevenue, List<Long> ordersByStatus) {

        long cancelledOrders() {
            return ordersByStatus.get(SummaryTable.OrderMeasures.STATUSES.indexOf("cancelled"));
        }

        long netOrders() {
            return orders - cancelledOrders();
        }

        long netUnits() {
            return units - cancelledUnits;
        }

        BigDecimal netRevenue() {
            return revenue.subtract(cancelledRevenue);
        }

        static OrderTotals zero() {
            return new OrderTotals(List.of(), 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO,
                    SummaryTable.OrderMeasures.STATUSES.stream().map(s -> 0L).toList());
        }

        OrderTotals withGroup(List<Object> key) {
            return new OrderTotals(key, orders, firstOrders, returningOrders, units, revenue, cancelledUnits, cancelledRevenue, ordersByStatus);
        }

        /** The sum of two groups' figures, under this group's key. */
        OrderTotals plus(OrderTotals other) {
            List<Long> byStatus = new ArrayList<>();
            for (int i = 0; i < ordersByStatus.size(); i++) {
                byStatus.add(ordersByStatus.get(i) + other.ordersByStatus.get(i));
            }
            return new OrderTotals(group, orders + other.orders, firstOrders + other.firstOrders,
                    returningOrders + other.returningOrders, units + other.units, revenue.add(other.revenue),
                    cancelledUnits + other.cancelledUnits, cancelledRevenue.add(other.cancelledRevenue), byStatus);
        }
    }

    record PaymentTotals(List<Object> group, long pending, long succeeded, long failed, long refunded,
                         BigDecimal succeededAmount, BigDecimal refundedAmount) {
    }

    /** The entities of one summary: its day rows and their monthly rollup. */
    private enum Source {
        ORDERS("DailyOrderSummary", "MonthlyOrderSummary"), CATEGORIES("DailyCategorySummary", "MonthlyCategorySummary"),
        PAYMENTS("DailyPaymentSummary", "MonthlyPaymentSummary"),
        /** The category summaries without the customer and payment keys: for category figures under no such filter or grouping. */
        CATEGORY_TOTALS("DailyCategoryTotal", "MonthlyCategoryTotal");

        final String daily;
        final String monthly;

        Source(String daily, String monthly) {
            this.daily = daily;
            this.monthly = monthly;
        }
    }

    private static final String ORDER_SUMS = "sum(s.orders), sum(s.firstOrders), sum(s.returningOrders), sum(s.units), "
            + "sum(s.revenue), sum(s.cancelledUnits), sum(s.cancelledRevenue), "
            + SummaryTable.OrderMeasures.STATUSES.stream().map(status -> "sum(s." + status + "Orders)").collect(Collectors.joining(", "));

    private static final String PAYMENT_SUMS = "sum(s.pendingAttempts), sum(s.succeededAttempts), sum(s.failedAttempts), "
            + "sum(s.refundedAttempts), sum(s.succeededAmount), sum(s.refundedAmount)";

    private final EntityManager entityManager;

    SummaryQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<OrderTotals> orders(DashboardFilter filter, Grouping grouping) {
        List<Object[]> rows = query(orderSource(filter, grouping), ORDER_SUMS, filter, true, grouping);
        List<OrderTotals> totals = new ArrayList<>();
        int g = grouping.expressions.size();
        for (Object[] row : rows) {
            if (row[g] == null) {
                continue; // no rows matched: the sums of an ungrouped query are null
            }
            List<Long> byStatus = new ArrayList<>();
            for (int i = 0; i < SummaryTable.OrderMeasures.STATUSES.size(); i++) {
                byStatus.add(count(row[g + 7 + i]));
            }
            totals.add(new OrderTotals(Arrays.asList(row).subList(0, g), count(row[g]), count(row[g + 1]), count(row[g + 2]),
                    count(row[g + 3]), money(row[g + 4]), count(row[g + 5]), money(row[g + 6]), byStatus));
        }
        return totals;
    }

    /**
     * Order figures under several groupings. Without a category filter, and for groupings of the order summaries'
     * own key columns (months, region, payment method, none), the rows are read once grouped by the whole key and
     * summed into each grouping in memory: one scan of the summary instead of one per grouping, which at a million
     * orders is most of a dashboard page's time. Otherwise one query per grouping.
     */
    Map<Grouping, List<OrderTotals>> orders(DashboardFilter filter, List<Grouping> groupings) {
        Map<Grouping, List<OrderTotals>> result = new EnumMap<>(Grouping.class);
        if (filter.categoryId() != null || !KEY_PARTS.keySet().containsAll(groupings)) {
            groupings.forEach(grouping -> result.put(grouping, orders(filter, grouping)));
            return result;
        }
        List<OrderTotals> byKey = orders(filter, groupings.contains(Grouping.PAYMENT_METHOD) ? Grouping.ORDER_KEY : Grouping.DAY_AND_REGION);
        for (Grouping grouping : groupings) {
            Map<List<Object>, OrderTotals> summed = new TreeMap<>(DeltaRows::compareKeys);
            for (OrderTotals row : byKey) {
                List<Object> key = KEY_PARTS.get(grouping).stream().map(row.group()::get).toList();
                summed.merge(key, row.withGroup(key), OrderTotals::plus);
            }
            result.put(grouping, new ArrayList<>(summed.values()));
        }
        return result;
    }

    /** Where each grouping's key lies in an ORDER_KEY (or DAY_AND_REGION) group. */
    private static final Map<Grouping, List<Integer>> KEY_PARTS = Map.of(Grouping.NONE, List.of(), Grouping.DAY_OR_MONTH, List.of(0),
            Grouping.REGION, List.of(1, 2), Grouping.PAYMENT_METHOD, List.of(3));

    /**
     * Order figures by category come from the category summaries, from their totals when neither the filter nor the
     * grouping names a customer or payment key (at a million orders, a category's month has hundreds of keyed rows).
     */
    private static Source orderSource(DashboardFilter filter, Grouping grouping) {
        if (filter.categoryId() == null && grouping != Grouping.CATEGORY) {
            return Source.ORDERS;
        }
        boolean keyed = filter.state() != null || filter.country() != null || filter.paymentMethod() != null
                || grouping == Grouping.REGION || grouping == Grouping.PAYMENT_METHOD;
        return keyed ? Source.CATEGORIES : Source.CATEGORY_TOTALS;
    }

    /** Payment attempts; a payment pays for a whole order, so the category filter does not apply. */
    List<PaymentTotals> payments(DashboardFilter filter, Grouping grouping) {
        if (grouping == Grouping.CATEGORY) {
            throw new IllegalArgumentException("payments are not summarised by category");
        }
        int g = grouping.expressions.size();
        List<PaymentTotals> totals = new ArrayList<>();
        for (Object[] row : query(Source.PAYMENTS, PAYMENT_SUMS, filter, false, grouping)) {
            if (row[g] == null) {
                continue;
            }
            totals.add(new PaymentTotals(Arrays.asList(row).subList(0, g), count(row[g]), count(row[g + 1]), count(row[g + 2]),
                    count(row[g + 3]), money(row[g + 4]), money(row[g + 5])));
        }
        return totals;
    }

    /** The one-group result of an ungrouped order query; zeros when nothing matched. */
    OrderTotals orderTotals(DashboardFilter filter) {
        List<OrderTotals> totals = orders(filter, Grouping.NONE);
        return totals.isEmpty() ? OrderTotals.zero() : totals.get(0);
    }

    PaymentTotals paymentTotals(DashboardFilter filter) {
        List<PaymentTotals> totals = payments(filter, Grouping.NONE);
        return totals.isEmpty() ? new PaymentTotals(List.of(), 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO) : totals.get(0);
    }

    private List<Object[]> query(Source source, String sums, DashboardFilter filter, boolean categoryApplies, Grouping grouping) {
        List<WholeMonths.Span> spans = grouping == Grouping.DAY ? List.of(new WholeMonths.Span(false, filter.from(), filter.to()))
                : WholeMonths.spans(filter.from(), filter.to());
        if (spans.size() == 1 && !spans.get(0).months()) {
            return select(source.daily, sums, filter, filter.from(), filter.to(), categoryApplies, grouping);
        }
        List<Object[]> parts = new ArrayList<>();
        for (WholeMonths.Span span : spans) {
            parts.addAll(select(span.months() ? source.monthly : source.daily, sums, filter, span.from(), span.to(),
                    categoryApplies, grouping));
        }
        return added(parts, grouping.expressions.size());
    }

    /** Rows of one entity with summary_date in [from, to] (either end open when null), under the filter's other conditions. */
    private List<Object[]> select(String entity, String sums, DashboardFilter filter, LocalDate from, LocalDate to,
                                  boolean categoryApplies, Grouping grouping) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        condition(conditions, parameters, "s.day >= :from", "from", from);
        condition(conditions, parameters, "s.day <= :to", "to", to);
        if (categoryApplies) {
            condition(conditions, parameters, "s.categoryId = :category", "category", filter.categoryId());
        }
        condition(conditions, parameters, "s.customerState = :state", "state", filter.state());
        condition(conditions, parameters, "s.customerCountry = :country", "country", filter.country());
        condition(conditions, parameters, "s.paymentMethod = :method", "method", filter.paymentMethod());
        String groupBy = String.join(", ", grouping.expressions);
        String hql = "select " + (groupBy.isEmpty() ? "" : groupBy + ", ") + sums + " from " + entity + " s"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + (groupBy.isEmpty() ? "" : " group by " + groupBy + " order by " + groupBy);
        TypedQuery<Object[]> query = entityManager.createQuery(hql, Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The rows of the parts added up per group key (the first groupColumns values), in key order; sums may be null. */
    private static List<Object[]> added(List<Object[]> parts, int groupColumns) {
        Map<List<Object>, Object[]> byKey = new TreeMap<>(DeltaRows::compareKeys);
        for (Object[] row : parts) {
            byKey.merge(Arrays.asList(row).subList(0, groupColumns), row, (a, b) -> {
                Object[] sum = a.clone();
                for (int i = groupColumns; i < sum.length; i++) {
                    sum[i] = plus(a[i], b[i]);
                }
                return sum;
            });
        }
        return new ArrayList<>(byKey.values());
    }

    private static Object plus(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a instanceof BigDecimal x ? x.add((BigDecimal) b) : Long.valueOf(((Number) a).longValue() + ((Number) b).longValue());
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private static BigDecimal money(Object sum) {
        return sum == null ? BigDecimal.ZERO : (BigDecimal) sum;
    }
}
