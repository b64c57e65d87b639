package com.commerceinsight.analytics.limits;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one caller may ask of the service: series lengths, query time and queued jobs. Request rates per caller are
 * api-kit's ({@code commerce.rate-limit.*}, buckets named by {@code @RateLimited} on the operations).
 */
@ConfigMapping(prefix = "analytics.limits")
public interface LimitsConfig {

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
}
