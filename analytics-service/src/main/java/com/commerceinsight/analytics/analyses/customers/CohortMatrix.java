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

    /** Cohorts whose month lies between first and last (null: no bound); activity is read up to the last month with data. */
    static List<Cohort> of(List<CustomerDay> days, LocalDate first, LocalDate last) {
        Map<Long, LocalDate> cohortOf = new HashMap<>();
        FirstSaleDays.of(days).forEach((customer, day) -> cohortOf.put(customer, day.withDayOfMonth(1)));
        Map<LocalDate, Set<Long>> members = new TreeMap<>();
        cohortOf.forEach((customer, month) -> members.computeIfAbsent(month, m -> new HashSet<>()).add(customer));
        Map<LocalDate, Map<Long, Set<Long>>> activeByCohort = new HashMap<>();
        LocalDate lastMonth = null;
        for (CustomerDay day : days) {
            LocalDate month = day.day().withDayOfMonth(1);
            LocalDate cohort = cohortOf.get(day.customerId());
            activeByCohort.computeIfAbsent(cohort, c -> new HashMap<>())
                    .computeIfAbsent(ChronoUnit.MONTHS.between(cohort, month), k -> new HashSet<>()).add(day.customerId());
            lastMonth = lastMonth == null || month.isAfter(lastMonth) ? month : lastMonth;
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (Map.Entry<LocalDate, Set<Long>> cohort : members.entrySet()) {
            LocalDate month = cohort.getKey();
            if (first != null && month.isBefore(first.withDayOfMonth(1)) || last != null && month.isAfter(last)) {
                continue;
            }
            double size = cohort.getValue().size();
            List<Double> shares = new ArrayList<>();
            for (long k = 0; k <= ChronoUnit.MONTHS.between(month, lastMonth); k++) {
                shares.add(activeByCohort.get(month).getOrDefault(k, Set.of()).size() / size);
            }
            cohorts.add(new Cohort(month, cohort.getValue().size(), shares));
        }
        return cohorts;
    }
}
