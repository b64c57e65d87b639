package com.commerceinsight.analytics.orders;


import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How new orders are written: concurrent requests are grouped into one transaction per batch (group commit). */
@ConfigMapping(prefix = "analytics.ingest")
public interface IngestConfig {

    /**
     * Writer threads per replica, each writing one batch at a time. Two keep the database busy while a writer spends
     * its CPU building the next batch; more would mostly wait for each other on the day's summary rows.
     */
    @WithDefault("2")
    int writers();

    /** The most orders written in one transaction. */
    @WithDefault("64")
    int maxBatchSize();

    /** Orders waiting for a writer; beyond it a request is turned away at once with 503. */
    @WithDefault("2000")
    int queueCapacity();
}
