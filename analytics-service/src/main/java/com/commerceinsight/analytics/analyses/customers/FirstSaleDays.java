package com.commerceinsight.analytics.analyses.customers;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The day of each customer's first sale, from their whole history of customer days. */
final class FirstSaleDays {

    private FirstSaleDays() {
    }

    static Map<Long, LocalDate> of(List<CustomerDay> days) {
        Map<Long, LocalDate> first = new HashMap<>();
        for (CustomerDay day : days) {
            first.merge(day.customerId(), day.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }
}
