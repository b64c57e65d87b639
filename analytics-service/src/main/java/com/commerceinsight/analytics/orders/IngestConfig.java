package com.commerceinsight.analytics.orders;


import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How new orders are written: concurrent requests are grouped into one transaction per batch (group commit). */
@ConfigMapping(prefix = "analytics.ingest")
public interface IngestConfig {

    /**
     * Writer threads per replica, each writing one batch at a time. One by default: with a second, two batches at a
     * time updated the same day's summary rows and waited on each other's locks, and each batch was half as large, so
     * the fixed cost of a batch (reads, summary updates, commit) was paid twice as often. Measured on the order-events
     * benchmark: one writer used 1.0 ms of database CPU per order against 1.1-1.5 ms with two, and accepted more
     * orders per second. More writers help only where the database is remote and a batch spends its time waiting.
     */
    @WithDefault("1")
    int writers();

    /** The most orders written in one transaction. */
    @WithDefault("64")
    int maxBatchSize();

    /** Orders waiting for a writer; beyond it a request is turned away at once with 503. */
    @WithDefault("2000")
    int queueCapacity();
}
