package com.commerceinsight.analytics.rounds;

import java.time.Duration;

/** The pace of a {@link RoundLoop}; a worker's {@code @ConfigMapping} extends it to give these their defaults. */
public interface RoundTimings {

    /** How long the loop waits after a round that found fewer items than a full batch (it has caught up). */
    Duration pollInterval();

    /** How long it waits after a failed round, or while another replica does the work. */
    Duration retryInterval();

    /** Items per round; a full round is followed by the next at once. */
    int batchSize();
}
