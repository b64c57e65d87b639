package com.commerceinsight.analytics.generator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Converts between the generator's time axis (days since the window start, a double) and timestamps.
 * Timestamps are cut to whole seconds, downwards, so an order strictly before its customer's churn time never
 * lands after the churn timestamp written to the ground truth, and one after registration never before it.
 */
record WindowClock(LocalDateTime origin) {

    static final double SECONDS_PER_DAY = 86_400;

    WindowClock(LocalDate start) {
        this(start.atStartOfDay());
    }

    LocalDateTime at(double days) {
        return origin.plusSeconds((long) Math.floor(days * SECONDS_PER_DAY));
    }

    double daysOf(LocalDateTime time) {
        Duration since = Duration.between(origin, time);
        return (since.getSeconds() + since.getNano() / 1e9) / SECONDS_PER_DAY;
    }
}
