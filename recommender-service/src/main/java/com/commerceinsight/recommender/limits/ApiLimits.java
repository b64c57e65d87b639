package com.commerceinsight.recommender.limits;

import com.commerceinsight.apikit.limits.JobQueueLimits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on what one request may ask for, and on the training queue. A parameter past its bound is a 400 problem
 * naming it; a full queue a 503 problem with Retry-After. (Per-caller rate limits: {@code commerce.rate-limit.*}.)
 */
@ConfigMapping(prefix = "recommender.api")
public interface ApiLimits {

    /** The largest page of the training-job and model-version lists. */
    @WithDefault("200")
    int maxPageSize();

    /** The longest recommendation or similar-products list. */
    @WithDefault("100")
    int maxK();

    /** The training queue: {@code <prefix>.training-queue.capacity}, {@code .retry-after}, {@code .stale-after}. */
    JobQueueLimits trainingQueue();
}
