package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recency, frequency and monetary value per customer as of a reference day, scored 1-5 by quintile. A score comes
 * from the share of customers strictly worse (not from a row number as SQL NTILE does), so that equal values always
 * get equal scores and the result does not depend on row order.
 */
final class RfmQuintiles {

    private RfmQuintiles() {
    }

    /** Customers with a sale before asOf, best total score first (ties: lower customer id). */
    static List<RfmScore> of(List<CustomerDay> days, LocalDate asOf) {
        Map<Long, LocalDate> lastDay = new HashMap<>();
        Map<Long, long[]> orders = new HashMap<>();
        Map<Long, BigDecimal> spent = new HashMap<>();
        for (CustomerDay day : days) {
            if (day.day().isBefore(asOf)) {
                lastDay.merge(day.customerId(), day.day(), (a, b) -> a.isAfter(b) ? a : b);
                orders.computeIfAbsent(day.customerId(), c -> new long[1])[0] += day.orders();
                spent.merge(day.customerId(), day.revenue(), BigDecimal::add);
            }
        }
        List<Long> customers = new ArrayList<>(lastDay.keySet());
        double[] recency = customers.stream().mapToDouble(c -> ChronoUnit.DAYS.between(lastDay.get(c), asOf)).toArray();
        double[] frequency = customers.stream().mapToDouble(c -> orders.get(c)[0]).toArray();
        double[] monetary = customers.stream().mapToDouble(c -> spent.get(c).doubleValue()).toArray();
        double[] sortedRecency = sorted(recency);
        double[] sortedFrequency = sorted(frequency);
        double[] sortedMonetary = sorted(monetary);
        List<RfmScore> scores = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            long customer = customers.get(i);
            scores.add(new RfmScore(customer, (long) recency[i], orders.get(customer)[0], spent.get(customer).setScale(2),
                    score(customers.size() - countAtMost(sortedRecency, recency[i]), customers.size()),
                    score(countBelow(sortedFrequency, frequency[i]), customers.size()),
                    score(countBelow(sortedMonetary, monetary[i]), customers.size())));
        }
        scores.sort(Comparator.comparingInt((RfmScore s) -> -(s.recencyScore() + s.frequencyScore() + s.monetaryScore()))
                .thenComparingLong(RfmScore::customerId));
        return scores;
    }

    private static int score(long worse, int customers) {
        return 1 + (int) (5 * worse / customers);
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** How many values are strictly below v (the index of its first occurrence). */
    private static long countBelow(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long countAtMost(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
