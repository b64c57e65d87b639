package com.commerceinsight.analytics.analyses;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/** The length of a reporting period: a calendar day, an ISO week (from Monday) or a calendar month. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** Reads a query parameter ("day", "week", "month", any case); anything else is a 400 naming the field. */
    public static Granularity parse(String field, String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, field + " must be day, week or month");
        }
    }

    /** The step of a series in this granularity. */
    public ChronoUnit step() {
        return ChronoUnit.valueOf(name() + "S");
    }

    /** The first day of the period holding the day. */
    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
        };
    }
}
