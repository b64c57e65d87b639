package com.commerceinsight.analytics.dashboards;

import java.time.LocalDate;

/**
 * The calendar months lying wholly inside a range of days, named by their first days: {@code first} is the first
 * such month (null: the range is open at the start, every earlier month counts), {@code last} the last one (null: open
 * at the end). The days of the range outside them are the partial months at its edges.
 */
public record WholeMonths(LocalDate first, LocalDate last) {

    /** The whole months within [from, to] (either end open when null), or null when there is none. */
    public static WholeMonths within(LocalDate from, LocalDate to) {
        LocalDate first = from == null ? null : from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate last = to == null ? null
                : to.getDayOfMonth() == to.lengthOfMonth() ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
        return first != null && last != null && first.isAfter(last) ? null : new WholeMonths(first, last);
    }

    /** The last day of the last whole month; null when the range is open at the end. */
    public LocalDate lastDay() {
        return last == null ? null : last.plusMonths(1).minusDays(1);
    }
}
