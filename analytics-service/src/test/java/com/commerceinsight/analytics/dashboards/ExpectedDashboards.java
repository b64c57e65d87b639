package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The dashboards computed a second, simpler way: straight from the fact rows, order by order, with the definitions
 * the API documents. The tests hold the endpoints (which read only the summaries) to these.
 */
final class ExpectedDashboards {

    private static final List<String> STATUSES = List.of("created", "pending", "processing", "approved", "invoiced", "shipped",
            "delivered", "cancelled", "unavailable");

    private final FactRows facts;
    private final DashboardFilter filter;

    ExpectedDashboards(FactRows facts, DashboardFilter filter) {
        this.facts = facts;
        this.filter = filter;
    }

    /** An order as a dashboard counts it: whole, or only its lines in the filtered category. */
    private record Counted(FactRows.Order order, long units, BigDecimal revenue) {
    }

    private boolean orderPasses(FactRows.Order o) {
        return inRange(o) && (filter.state() == null || filter.state().equals(o.state()))
                && (filter.country() == null || filter.country().equals(o.country()));
    }

    private boolean inRange(FactRows.Order o) {
        return (filter.from() == null || !o.day().isBefore(filter.from())) && (filter.to() == null || !o.day().isAfter(filter.to()));
    }

    private List<Counted> counted() {
        List<Counted> result = new ArrayList<>();
        for (FactRows.Order o : facts.orders()) {
            if (!orderPasses(o) || filter.paymentMethod() != null && !filter.paymentMethod().equals(o.firstMethod())) {
                continue;
            }
            List<FactRows.Line> lines = o.lines().stream()
                    .filter(l -> filter.categoryId() == null || l.categoryId() == filter.categoryId()).toList();
            if (filter.categoryId() != null && lines.isEmpty()) {
                continue;
            }
            result.add(filter.categoryId() == null
                    ? new Counted(o, o.lines().stream().mapToLong(FactRows.Line::quantity).sum(), o.total())
                    : new Counted(o, lines.stream().mapToLong(FactRows.Line::quantity).sum(),
                            lines.stream().map(FactRows.Line::revenue).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        return result;
    }

    /** Payment attempts: of orders passing the day and region filters, with the attempt's own method. */
    private List<FactRows.PaymentRow> payments() {
        List<FactRows.PaymentRow> result = new ArrayList<>();
        for (FactRows.Order o : facts.orders()) {
            if (orderPasses(o)) {
                o.payments().stream().filter(p -> filter.paymentMethod() == null || filter.paymentMethod().equals(p.method()))
                        .forEach(result::add);
            }
        }
        return result;
    }

    HomeKpis home() {
        List<Counted> all = counted();
        List<Counted> kept = all.stream().filter(c -> !c.order().cancelled()).toList();
        BigDecimal revenue = sum(kept);
        long cancelled = all.size() - kept.size();
        List<FactRows.PaymentRow> payments = payments();
        long succeeded = count(payments, "succeeded");
        long failed = count(payments, "failed");
        return new HomeKpis(kept.size(), money(revenue), kept.stream().mapToLong(Counted::units).sum(), average(revenue, kept.size()),
                all.stream().filter(c -> c.order().first()).count(), all.stream().filter(c -> c.order().returning()).count(),
                cancelled, ratio(cancelled, all.size()), count(payments, "refunded"), money(amount(payments, "refunded")),
                ratio(succeeded, succeeded + failed));
    }

    SalesOverview sales(Period period) {
        List<SalesOverview.SalesPeriod> periods = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal previous = null;
        for (Map.Entry<LocalDate, List<Counted>> e : byPeriod(period).entrySet()) {
            List<Counted> kept = e.getValue().stream().filter(c -> !c.order().cancelled()).toList();
            BigDecimal revenue = sum(kept);
            running = running.add(revenue);
            Double growth = previous == null || previous.signum() == 0 ? null : revenue.doubleValue() / previous.doubleValue() - 1;
            periods.add(new SalesOverview.SalesPeriod(e.getKey(), kept.size(), kept.stream().mapToLong(Counted::units).sum(),
                    money(revenue), money(running), growth));
            previous = revenue;
        }
        Map<Long, long[]> unitsAndOrders = new TreeMap<>();
        Map<Long, BigDecimal> categoryRevenue = new TreeMap<>();
        for (Counted c : counted()) {
            Map<Long, Boolean> seen = new LinkedHashMap<>();
            for (FactRows.Line line : c.order().lines()) {
                if (filter.categoryId() != null && line.categoryId() != filter.categoryId()) {
                    continue;
                }
                long[] figures = unitsAndOrders.computeIfAbsent(line.categoryId(), k -> new long[2]);
                categoryRevenue.merge(line.categoryId(), BigDecimal.ZERO, BigDecimal::add);
                if (!c.order().cancelled()) {
                    figures[0] += line.quantity();
                    categoryRevenue.merge(line.categoryId(), line.revenue(), BigDecimal::add);
                    if (seen.put(line.categoryId(), true) == null) {
                        figures[1]++;
                    }
                }
            }
        }
        List<SalesOverview.CategorySales> categories = unitsAndOrders.entrySet().stream()
                .map(e -> new SalesOverview.CategorySales(e.getKey(), facts.categoryNames().get(e.getKey()), e.getValue()[1],
                        e.getValue()[0], money(categoryRevenue.get(e.getKey())))).toList();
        Map<List<String>, List<Counted>> regions = group(c -> List.of(c.order().state(), c.order().country()));
        Map<List<String>, List<Counted>> methods = group(c -> List.of(c.order().firstMethod()));
        return new SalesOverview(periods, categories,
                regions.entrySet().stream().map(e -> new SalesOverview.RegionSales(e.getKey().get(0), e.getKey().get(1),
                        kept(e.getValue()).size(), money(sum(kept(e.getValue()))))).toList(),
                methods.entrySet().stream().map(e -> new SalesOverview.MethodSales(e.getKey().get(0),
                        kept(e.getValue()).size(), money(sum(kept(e.getValue()))))).toList());
    }

    CustomerInsights customers(Period period) {
        List<Counted> all = counted();
        long first = all.stream().filter(c -> c.order().first()).count();
        long returning = all.stream().filter(c -> c.order().returning()).count();
        List<CustomerInsights.CustomerPeriod> periods = byPeriod(period).entrySet().stream()
                .map(e -> new CustomerInsights.CustomerPeriod(e.getKey(), e.getValue().stream().filter(c -> c.order().first()).count(),
                        e.getValue().stream().filter(c -> c.order().returning()).count())).toList();
        List<CustomerInsights.RegionCustomers> regions = group(c -> List.of(c.order().state(), c.order().country()))
                .entrySet().stream().map(e -> {
                    List<Counted> kept = kept(e.getValue());
                    return new CustomerInsights.RegionCustomers(e.getKey().get(0), e.getKey().get(1),
                            e.getValue().stream().filter(c -> c.order().first()).count(), kept.size(), money(sum(kept)),
                            average(sum(kept), kept.size()));
                }).toList();
        return new CustomerInsights(first, returning, ratio(returning, first + returning), periods, regions);
    }

    OrdersManagement orders(Period period) {
        List<Counted> all = counted();
        long cancelled = all.stream().filter(c -> c.order().cancelled()).count();
        List<OrdersManagement.StatusCount> byStatus = STATUSES.stream()
                .map(s -> new OrdersManagement.StatusCount(s, all.stream().filter(c -> c.order().status().equals(s)).count()))
                .filter(s -> s.orders() > 0).toList();
        List<OrdersManagement.OrderPeriod> periods = byPeriod(period).entrySet().stream()
                .map(e -> new OrdersManagement.OrderPeriod(e.getKey(), e.getValue().size(),
                        e.getValue().stream().filter(c -> c.order().cancelled()).count())).toList();
        Map<String, List<FactRows.PaymentRow>> byMethod = new TreeMap<>();
        payments().forEach(p -> byMethod.computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p));
        List<OrdersManagement.PaymentOutcome> payments = byMethod.entrySet().stream().map(e -> {
            List<FactRows.PaymentRow> p = e.getValue();
            return new OrdersManagement.PaymentOutcome(e.getKey(), count(p, "pending"), count(p, "succeeded"), count(p, "failed"),
                    count(p, "refunded"), ratio(count(p, "succeeded"), count(p, "succeeded") + count(p, "failed")),
                    money(amount(p, "succeeded")), money(amount(p, "refunded")));
        }).toList();
        return new OrdersManagement(all.size(), cancelled, ratio(cancelled, all.size()), byStatus, periods, payments);
    }

    /** Orders by the first day of their period, every period of the range present (empty ones too). */
    private Map<LocalDate, List<Counted>> byPeriod(Period period) {
        List<Counted> all = counted();
        Map<LocalDate, List<Counted>> result = new TreeMap<>();
        LocalDate first = filter.from() != null ? filter.from() : all.stream().map(c -> c.order().day()).min(LocalDate::compareTo).orElse(null);
        LocalDate last = filter.to() != null ? filter.to() : all.stream().map(c -> c.order().day()).max(LocalDate::compareTo).orElse(null);
        if (first == null || last == null) {
            return result;
        }
        for (LocalDate start = periodStart(period, first); !start.isAfter(last); start = nextPeriod(period, start)) {
            result.put(start, new ArrayList<>());
        }
        all.forEach(c -> result.get(periodStart(period, c.order().day())).add(c));
        return result;
    }

    private static LocalDate periodStart(Period period, LocalDate day) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> LocalDate.of(day.getYear(), day.getMonth(), 1);
        };
    }

    private static LocalDate nextPeriod(Period period, LocalDate start) {
        return switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusDays(7);
            case MONTH -> start.plusMonths(1);
        };
    }

    private Map<List<String>, List<Counted>> group(java.util.function.Function<Counted, List<String>> key) {
        Map<List<String>, List<Counted>> groups = new LinkedHashMap<>();
        counted().forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        return groups;
    }

    private static List<Counted> kept(List<Counted> counted) {
        return counted.stream().filter(c -> !c.order().cancelled()).toList();
    }

    private static BigDecimal sum(List<Counted> counted) {
        return counted.stream().map(Counted::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long count(List<FactRows.PaymentRow> payments, String status) {
        return payments.stream().filter(p -> p.status().equals(status)).count();
    }

    private static BigDecimal amount(List<FactRows.PaymentRow> payments, String status) {
        return payments.stream().filter(p -> p.status().equals(status)).map(FactRows.PaymentRow::amount)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(BigDecimal amount, long count) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
