package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<NewVsReturning> series = new ArrayList<>();
        if (days.isEmpty()) {
            return series;
        }
        LocalDate start = granularity.periodStart(first != null ? first : days.stream().map(CustomerDay::day).min(LocalDate::compareTo).orElseThrow());
        LocalDate end = granularity.periodStart(last != null ? last : days.stream().map(CustomerDay::day).max(LocalDate::compareTo).orElseThrow());
        for (LocalDate period = start; !period.isAfter(end); period = granularity.next(period)) {
            series.add(new NewVsReturning(period, newCustomers.getOrDefault(period, Set.of()).size(),
                    returning.getOrDefault(period, Set.of()).size(),
                    newRevenue.getOrDefault(period, BigDecimal.ZERO).setScale(2),
                    returningRevenue.getOrDefault(period, BigDecimal.ZERO).setScale(2)));
        }
        return series;
    }
}
