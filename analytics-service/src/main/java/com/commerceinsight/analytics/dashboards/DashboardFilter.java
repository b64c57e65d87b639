package com.commerceinsight.analytics.dashboards;

import java.time.LocalDate;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/**
 * Which orders a dashboard counts: placed on a day in [from, to] (either end open when null), with a line in a
 * category, by customers of a state or country, whose first payment attempt used a method. Null means "any".
 */
public record DashboardFilter(LocalDate from, LocalDate to, Long categoryId, String state, String country, String paymentMethod) {

    public DashboardFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "to (" + to + ") is before from (" + from + ")");
        }
    }

    public static DashboardFilter all() {
        return new DashboardFilter(null, null, null, null, null, null);
    }
}
