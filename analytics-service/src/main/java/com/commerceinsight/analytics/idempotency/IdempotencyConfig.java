package com.commerceinsight.analytics.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the first answers to Idempotency-Keys are kept, and how they are purged after that. */
@ConfigMapping(prefix = "analytics.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key answers its first answer again. A retry later than this is a new request (and writes again), so
     * it must exceed the longest a client keeps retrying; a day is far beyond any client's retry policy.
     */
    @WithDefault("PT24H")
    Duration retention();

    /** How often expired keys are deleted. */
    @WithDefault("10m")
    String purgeEvery();

    /** Rows deleted per statement by the purge, so that no one statement holds many locks for long. */
    @WithDefault("1000")
    int purgeBatchSize();
}
