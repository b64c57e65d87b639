package com.commerceinsight.analytics.analyses;

import java.time.LocalDate;
import java.util.List;

/**
 * The rows of a table kept per day and per month (alias {@code d}, with {@code periodKind} D or M and
 * {@code periodStart}) that add up to a range of days: the month rows of the months wholly inside it and the day rows
 * of the partial months at its edges ({@link WholeMonths#spans}). An unbounded range reads month rows only.
 */
public final class KeptPeriods {

    private KeptPeriods() {
    }

    /** The conditions of each set of rows; the caller adds its own (the supplier, the product). */
    public static List<HqlConditions> of(LocalDate from, LocalDate to) {
        return WholeMonths.spans(from, to).stream().map(KeptPeriods::conditions).toList();
    }

    /** The conditions of the day rows of the range, for a series in days or weeks (which month rows cannot serve). */
    public static HqlConditions days(LocalDate from, LocalDate to) {
        return conditions(new WholeMonths.Span(false, from, to));
    }

    private static HqlConditions conditions(WholeMonths.Span span) {
        return new HqlConditions().add(span.months() ? "d.periodKind = 'M'" : "d.periodKind = 'D'")
                .addIfSet("d.periodStart >= :from", "from", span.from())
                .addIfSet("d.periodStart <= :to", "to", span.to());
    }
}
