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
}
