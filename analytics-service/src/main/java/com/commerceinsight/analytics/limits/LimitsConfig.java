package com.commerceinsight.analytics.limits;

import java.time.Duration;
import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much one caller may ask of the service: request rates, series lengths and queued jobs. */
@ConfigMapping(prefix = "analytics.limits")
public interface LimitsConfig {

    RateLimits rate();

    /** The longest day-grain series an analysis or dashboard answers (from/to span). */
    @WithDefault("P3Y")
    Period daySeriesSpan();

    /** The longest week-grain series. */
    @WithDefault("P20Y")
    Period weekSeriesSpan();

    /** The longest month-grain series. */
    @WithDefault("P50Y")
    Period monthSeriesSpan();

    /**
     * How long an ORM query (the analyses, the dashboards) may run before the database cancels it and the request is
     * answered 503. Handed to Hibernate as {@code jakarta.persistence.query.timeout} in application.properties.
     */
    @WithDefault("5000")
    long queryTimeoutMillis();

    /** Import jobs that may wait behind the running one; beyond, a new job is refused with 503. */
    @WithDefault("4")
    int importQueueCapacity();

    /** Summary rebuilds that may wait behind the running one; beyond, a new one is refused with 503. */
    @WithDefault("2")
    int rebuildQueueCapacity();

    /** Summary rebuild jobs kept in memory for their status (the oldest finished ones are forgotten first). */
    @WithDefault("100")
    int rebuildJobsKept();

    interface RateLimits {

        /** Whether requests are counted per caller at all. */
        @WithDefault("true")
        boolean enabled();

        /** Callers whose counts are kept at once (least recently seen dropped first), so the counts stay bounded. */
        @WithDefault("10000")
        int maxCallers();

        /** Order and payment writes (POST, PUT) per caller. */
        Window writes();

        /** Import and summary rebuild starts per caller. */
        Window jobs();

        /** Analysis and dashboard reads per caller. */
        Window costlyReads();
    }

    /** At most {@code requests} in each {@code period}. */
    interface Window {

        int requests();

        Duration period();
    }
}
