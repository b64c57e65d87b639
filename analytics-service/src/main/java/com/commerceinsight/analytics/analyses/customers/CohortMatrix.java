package com.commerceinsight.analytics.analyses.customers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Monthly cohorts by first sale and the share of each cohort buying again k months later. */
final class CohortMatrix {

    private CohortMatrix() {
    }

    /**
     * From the customers' sale days: cohorts whose month lies between first and last (null: no bound); activity is read
     * up to the last month with data.
     */
    static List<Cohort> of(List<CustomerDay> days, LocalDate first, LocalDate last) {
        Map<Long, LocalDate> cohortOf = new HashMap<>();
        FirstSaleDays.of(days).forEach((customer, day) -> cohortOf.put(customer, day.withDayOfMonth(1)));
        Map<LocalDate, Map<LocalDate, Set<Long>>> active = new TreeMap<>();
        for (CustomerDay day : days) {
            active.computeIfAbsent(cohortOf.get(day.customerId()), c -> new HashMap<>())
                    .computeIfAbsent(day.day().withDayOfMonth(1), m -> new HashSet<>()).add(day.customerId());
        }
        Map<LocalDate, Map<LocalDate, Long>> counts = new TreeMap<>();
        active.forEach((cohort, months) -> months.forEach((month, customers) ->
                counts.computeIfAbsent(cohort, c -> new HashMap<>()).put(month, (long) customers.size())));
        return ofCounts(counts, first, last);
    }

    /**
     * From counts: per cohort month, per month, the cohort's customers with a sale in it (the cohort's own month holds
     * all of them, since every customer bought in the month of their first sale).
     */
    static List<Cohort> ofCounts(Map<LocalDate, Map<LocalDate, Long>> activeByCohort, LocalDate first, LocalDate last) {
        LocalDate lastMonth = activeByCohort.values().stream().flatMap(m -> m.keySet().stream()).max(LocalDate::compareTo).orElse(null);
        List<Cohort> cohorts = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<LocalDate, Long>> cohort : new TreeMap<>(activeByCohort).entrySet()) {
            LocalDate month = cohort.getKey();
            if (first != null && month.isBefore(first.withDayOfMonth(1)) || last != null && month.isAfter(last)) {
                continue;
            }
            long size = cohort.getValue().getOrDefault(month, 0L);
            List<Double> shares = new ArrayList<>();
            for (long k = 0; k <= ChronoUnit.MONTHS.between(month, lastMonth); k++) {
                shares.add(cohort.getValue().getOrDefault(month.plusMonths(k), 0L) / (double) size);
            }
            cohorts.add(new Cohort(month, size, shares));
        }
        return cohorts;
    }
}
