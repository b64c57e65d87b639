package com.commerceinsight.analytics.analyses.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.analytics.analyses.Granularity;

/**
 * Turns daily sums into a gap-free series of periods with running totals and growth. Done here rather than with
 * window functions in SQL because LAG over grouped rows would compare a month with the last month that HAD sales,
 * not with the calendar month before; filling the empty periods first makes growth and running totals honest.
 */
public final class SalesSeries {

    private SalesSeries() {
    }

    /**
     * @param first the first day the series must cover (null: the first day with sales)
     * @param last  the last day the series must cover (null: the last day with sales)
     */
    public static List<PeriodSales> of(List<DailySales> days, Granularity granularity, LocalDate first, LocalDate last) {
        Map<LocalDate, long[]> orders = new TreeMap<>();
        Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
        for (DailySales day : days) {
            LocalDate period = granularity.periodStart(day.day());
            orders.computeIfAbsent(period, p -> new long[1])[0] += day.orders();
            revenue.merge(period, day.revenue(), BigDecimal::add);
        }
        LocalDate start = first != null ? granularity.periodStart(first) : orders.keySet().stream().findFirst().orElse(null);
        LocalDate end = last != null ? granularity.periodStart(last) : orders.keySet().stream().reduce((a, b) -> b).orElse(null);
        List<PeriodSales> series = new ArrayList<>();
        if (start == null || end == null) {
            return series;
        }
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        BigDecimal previous = null;
        for (LocalDate period = start; !period.isAfter(end); period = granularity.next(period)) {
            long count = orders.getOrDefault(period, new long[1])[0];
            BigDecimal amount = revenue.getOrDefault(period, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            running = running.add(amount);
            Double growth = previous == null || previous.signum() == 0 ? null
                    : amount.subtract(previous).divide(previous, 10, RoundingMode.HALF_UP).doubleValue();
            series.add(new PeriodSales(period, count, amount, averageOrderValue(amount, count), running, growth));
            previous = amount;
        }
        return series;
    }

    static BigDecimal averageOrderValue(BigDecimal revenue, long orders) {
        return orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
    }
}
