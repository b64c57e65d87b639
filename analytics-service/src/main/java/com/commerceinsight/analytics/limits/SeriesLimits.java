package com.commerceinsight.analytics.limits;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/**
 * The longest time series a request may ask for, per step length. Checked before the series is built, so an
 * absurd range is a 400 in milliseconds, not millions of rows.
 */
@ApplicationScoped
public class SeriesLimits {

    private final LimitsConfig config;

    public SeriesLimits(LimitsConfig config) {
        this.config = config;
    }

    /**
     * Rejects a series from the client's {@code from} to its {@code to} where an open end (null) is the first or last
     * day with data, as the series will be built. A series over all the data, neither end given, is the data's own
     * span and not limited: it is as long as the shop's history, not as a client chooses.
     */
    public void requireSeriesSpan(LocalDate from, LocalDate to, LocalDate firstData, LocalDate lastData, ChronoUnit step,
            String stepParameter) {
        if (from == null && to == null) {
            return;
        }
        requireSeriesSpan(from != null ? from : firstData, to != null ? to : lastData, step, stepParameter);
    }

    /** As the method above, the data given as the days it has. */
    public void requireSeriesSpan(LocalDate from, LocalDate to, Collection<LocalDate> dataDays, ChronoUnit step, String stepParameter) {
        requireSeriesSpan(from, to, dataDays.stream().min(LocalDate::compareTo).orElse(null),
                dataDays.stream().max(LocalDate::compareTo).orElse(null), step, stepParameter);
    }

    /**
     * Rejects a series from {@code first} to {@code last} in steps of {@code step} (DAYS, WEEKS or MONTHS) that is
     * longer than configured, naming {@code from}. Either end null: nothing to check yet. {@code stepParameter}: the
     * request parameter that chose the step, if any.
     */
    public void requireSeriesSpan(LocalDate first, LocalDate last, ChronoUnit step, String stepParameter) {
        if (first == null || last == null) {
            return;
        }
        Period longest = switch (step) {
            case DAYS -> config.daySeriesSpan();
            case WEEKS -> config.weekSeriesSpan();
            default -> config.monthSeriesSpan();
        };
        if (last.isAfter(first.plus(longest))) {
            String grain = step.name().toLowerCase().replaceAll("s$", "");
            throw new InvalidFieldException("from", "from " + first + " to " + last + " is longer than a " + grain
                    + "-grain series may be (" + longest + "); narrow from/to"
                    + (stepParameter == null ? "" : " or choose a longer " + stepParameter));
        }
    }
}
