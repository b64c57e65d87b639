package com.commerceinsight.analytics.projection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import com.commerceinsight.analytics.rounds.RoundTimings;

/** How the order projector applies the committed order events to the read models. */
@ConfigMapping(prefix = "analytics.projection")
public interface ProjectionConfig extends RoundTimings {

    /** Whether this process runs the projector (off for the command line: the service's replicas apply the events). */
    @WithDefault("true")
    boolean enabled();

    /** How long the projector waits after a round that found fewer events than a full batch (it has caught up). */
    @Override
    @WithDefault("20ms")
    Duration pollInterval();

    /** How long it waits after a failed round (rolled back, its events applied again by the next) or without the lease. */
    @Override
    @WithDefault("1s")
    Duration retryInterval();

    /** Events applied per round, in one transaction. */
    @Override
    @WithDefault("500")
    int batchSize();

    /**
     * How long a replica's projector lease lasts without renewal (whole seconds, by the database clock); another replica
     * takes over after it. The holder renews it every third of this.
     */
    @WithDefault("10s")
    Duration leaseDuration();
}
