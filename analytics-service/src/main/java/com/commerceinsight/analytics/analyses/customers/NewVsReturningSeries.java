package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.commerceinsight.analytics.analyses.Granularity;

/** Splits each period's buying customers into new (first sale in the period) and returning ones, empty periods included. */
final class NewVsReturningSeries {

    private NewVsReturningSeries() {
    }

    /** @param days the customers' whole histories, so that "first sale" is really the first; first/last bound the periods listed. */
    static List<NewVsReturning> of(List<CustomerDay> days, Granularity granularity, LocalDate first, LocalDate last) {
        Map<Long, LocalDate> firstSale = FirstSaleDays.of(days);
        Map<LocalDate, Set<Long>> newCustomers = new TreeMap<>();
        Map<LocalDate, Set<Long>> returning = new TreeMap<>();
        Map<LocalDate, BigDecimal> newRevenue = new TreeMap<>();
        Map<LocalDate, BigDecimal> returningRevenue = new TreeMap<>();
        for (CustomerDay day : days) {
            LocalDate period = granularity.periodStart(day.day());
            boolean isNew = granularity.periodStart(firstSale.get(day.customerId())).equals(period);
            (isNew ? newCustomers : returning).computeIfAbsent(period, p -> new HashSet<>()).add(day.customerId());
            (isNew ? newRevenue : returningRevenue).merge(period, day.revenue(), BigDecimal::add);
        }
        SortedMap<LocalDate, NewVsReturning> periods = new TreeMap<>();
        Set<LocalDate> starts = new HashSet<>(newCustomers.keySet());
        starts.addAll(returning.keySet());
        for (LocalDate period : starts) {
            periods.put(period, new NewVsReturning(period, newCustomers.getOrDefault(period, Set.of()).size(),
                    returning.getOrDefault(period, Set.of()).size(), newRevenue.getOrDefault(period, BigDecimal.ZERO),
                    returningRevenue.getOrDefault(period, BigDecimal.ZERO)));
        }
        return ofPeriods(periods, granularity, first, last);
    }

    /**
     * @param periods the figures of every period with a sale (whole histories), by period start; first/last bound the
     *                periods listed, the periods without sales between them are zeros
     */
    static List<NewVsReturning> ofPeriods(SortedMap<LocalDate, NewVsReturning> periods, Granularity granularity, LocalDate first, LocalDate last) {
        List<NewVsReturning> series = new ArrayList<>();
        if (periods.isEmpty()) {
            return series;
        }
        LocalDate start = first != null ? granularity.periodStart(first) : periods.firstKey();
        LocalDate end = last != null ? granularity.periodStart(last) : periods.lastKey();
        for (LocalDate period = start; !period.isAfter(end); period = granularity.next(period)) {
            NewVsReturning figures = periods.get(period);
            series.add(figures == null ? new NewVsReturning(period, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2))
                    : new NewVsReturning(period, figures.newCustomers(), figures.returningCustomers(),
                    figures.newCustomerRevenue().setScale(2), figures.returningCustomerRevenue().setScale(2)));
        }
        return series;
    }
}
