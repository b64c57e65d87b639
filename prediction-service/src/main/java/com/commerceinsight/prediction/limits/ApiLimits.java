package com.commerceinsight.prediction.limits;

import com.commerceinsight.apikit.limits.JobQueueLimits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on what one request may ask for, and on the training queue. A parameter past its bound is a 400 problem
 * naming it; a full queue a 503 problem with Retry-After. (Per-caller rate limits: {@code commerce.rate-limit.*}.)
 */
@ConfigMapping(prefix = "prediction.api")
public interface ApiLimits {

    /** The largest page of a list (training jobs, model versions). */
    @WithDefault("200")
    int maxPageSize();

    /** The most feature contributions one score may list. */
    @WithDefault("100")
    int maxContributions();

    /** The most feature rows one batch-scoring request may hold. */
    @WithDefault("10000")
    int maxBatchRows();

    /** The training queue: {@code <prefix>.training-queue.capacity}, {@code .retry-after}, {@code .stale-after}. */
    JobQueueLimits trainingQueue();
}
