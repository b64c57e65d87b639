package com.commerceinsight.recommender.scoring;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How recommendations are served. */
@ConfigMapping(prefix = "recommender.serving")
public interface ServingConfig {

    /**
     * How often each replica checks which model version is active and picks up customer vectors folded in by
     * other replicas (an order event reaches only the replica that consumes its partition).
     */
    @WithDefault("2s")
    Duration refreshInterval();

    /** Purchased products named as the reasons of each recommendation. */
    @WithDefault("3")
    int reasons();

    /**
     * Customers without a vector whose bought products are kept in memory, so their popular lists need no database
     * read after the first request (when full, Caffeine evicts the entries least likely to be asked for again).
     */
    @WithDefault("100000")
    long coldCustomersCached();
}
