package com.commerceinsight.analytics.analyses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A part of a range of days as a table kept by day and by month answers it: days from the day rows, or whole months
     * from the month rows (from and to are then months' first days); either end open when null.
     */
    public record Span(boolean months, LocalDate from, LocalDate to) {
    }

    /**
     * The range [from, to] (either end open when null) in the fewest rows of such a table: its whole months from the
     * month rows, the partial months at its edges from the day rows, in date order; one span of days when no month
     * lies wholly inside it.
     */
    public static List<Span> spans(LocalDate from, LocalDate to) {
        WholeMonths months = within(from, to);
        if (months == null) {
            return List.of(new Span(false, from, to));
        }
        List<Span> spans = new ArrayList<>();
        if (from != null && from.isBefore(months.first())) {
            spans.add(new Span(false, from, months.first().minusDays(1)));
        }
        spans.add(new Span(true, months.first(), months.last()));
        if (to != null && to.isAfter(months.lastDay())) {
            spans.add(new Span(false, months.lastDay().plusDays(1), to));
        }
        return spans;
    }

    /** The last day of the last whole month; null when the range is open at the end. */
    public LocalDate lastDay() {
        return last == null ? null : last.plusMonths(1).minusDays(1);
    }
}
