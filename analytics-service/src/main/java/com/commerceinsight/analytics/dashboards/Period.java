package com.commerceinsight.analytics.dashboards;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The length of a step in a dashboard's time series; a period is named by its first day (weeks start on Monday). */
public enum Period {
    DAY, WEEK, MONTH;

    /** The step of a series in this period. */
    ChronoUnit step() {
        return ChronoUnit.valueOf(name() + "S");
    }

    LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
        };
    }
}
