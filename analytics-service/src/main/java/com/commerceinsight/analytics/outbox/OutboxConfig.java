package com.commerceinsight.analytics.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import com.commerceinsight.analytics.rounds.RoundTimings;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "analytics.outbox")
public interface OutboxConfig extends RoundTimings {

    /** Whether this process publishes the outbox (off for the command line and the service's own tests). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How long the relay waits after a round that found fewer rows than a full batch (the outbox is drained). 100 ms
     * rather than 20: each round commits its marks, and at 200 orders/s the relay's commits queued every other writer
     * behind them on the database; with 100 ms the freshness p99 of the served answers fell by about half and the
     * dashboards' by two-fifths, two runs each, CPU per order did not rise (deploy/bench/RESULTS.md,
     * order-events-2026-12-06-relay-interval).
     */
    @Override
    @WithDefault("100ms")
    Duration pollInterval();

    /** How long it waits after a failed publish (broker down), or while another replica publishes. */
    @Override
    @WithDefault("1s")
    Duration retryInterval();

    /** Rows published per round. */
    @Override
    @WithDefault("500")
    int batchSize();

    /**
     * How long a replica's publishing lease lasts without renewal (whole seconds, by the database clock); another
     * replica takes over after it. The holder renews it every third of this, also in the middle of a slow round.
     */
    @WithDefault("10s")
    Duration leaseDuration();

    /** How long to wait for the broker to acknowledge a round. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long a published row stays in commerce.outbox_event before the purge deletes it (kept for inspection and replays). */
    @WithDefault("P7D")
    Duration publishedRetention();

    /** How often the purge runs (each replica; the deletes of two at once do not conflict: a deleted row is deleted once). */
    @WithDefault("1h")
    Duration purgeEvery();

    /** Rows deleted per statement and transaction by the purge, so no delete holds locks on the table for long. */
    @WithDefault("5000")
    int purgeBatchSize();
}
