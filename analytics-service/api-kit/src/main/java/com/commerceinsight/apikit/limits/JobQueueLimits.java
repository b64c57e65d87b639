package com.commerceinsight.apikit.limits;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * The bound on a service's job queue, a group of its configuration mapping (each ML service's
 * {@code <service>.api.training-queue}).
 */
public interface JobQueueLimits {

    /** Jobs queued or running at once, over all replicas; one more is refused until one ends. */
    @WithDefault("2")
    int capacity();

    /** The Retry-After of a refusal. */
    @WithDefault("60s")
    Duration retryAfter();

    /** A job queued or running for longer than this no longer counts (its replica died). */
    @WithDefault("6h")
    Duration staleAfter();
}
