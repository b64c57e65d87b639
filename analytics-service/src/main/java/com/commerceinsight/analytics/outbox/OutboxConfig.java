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
     * How long the relay waits after a round that found fewer rows than a full batch (the outbox is drained). A round
     * reads and sends; it commits nothing unless its marks are due ({@link #markInterval()}), so a short pause costs
     * the database reads, not commits.
     */
    @Override
    @WithDefault("20ms")
    Duration pollInterval();

    /**
     * How long acknowledged rows may wait before the relay marks them published, in one commit (or sooner, once a batch
     * of them waits). At 100 ms between rounds that each committed their marks, the relay's commits already queued the
     * other writers behind them on the local database and a pause of 20 ms made every freshness figure worse
     * (deploy/bench/RESULTS.md, order-events-2026-12-06-relay-interval); sending at once and marking rarely removes
     * both the wait and the commits. Rows sent but not yet marked are sent again only if the relay stops before it
     * marks them; the consumers drop a repeat by its event id.
     */
    @WithDefault("500ms")
    Duration markInterval();

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
