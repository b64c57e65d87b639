package com.commerceinsight.prediction.scoring;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How the active model is served. */
@ConfigMapping(prefix = "prediction.serving")
public interface ServingConfig {

    /** How often each replica checks which version is active and loads it when it changed. */
    Duration refreshInterval();

    /** DJL predictors (each its own native booster) scoring in parallel. */
    int predictors();

    /** How many feature contributions a customer's score lists, largest first. */
    int topContributions();

    /**
     * Score as of this time instead of now (UTC): for replaying a historical data set, whose customers would all look
     * lapsed today. Unset in production.
     */
    Optional<LocalDateTime> asOf();

    /** The per-replica cache of customers' feature vectors (ServingVectors). */
    VectorCache vectorCache();

    /** The order event consumer's kept commerce histories (EventHistories). */
    HistoryCache historyCache();

    interface HistoryCache {

        /**
         * Facts kept at most, over all customers (an order, a payment, a session... each counts one; least recently
         * used customers go first): a few hundred bytes each.
         */
        long maxFacts();

        /**
         * How long a history read whole is kept: the bound on how late facts that come without an order event (reviews,
         * sessions, wishlist entries, returns, imported orders) reach the score of a customer who keeps ordering.
         */
        Duration maxAge();
    }

    interface VectorCache {

        /** Customers kept at most (least recently used go first): about a kilobyte each. */
        long maxCustomers();

        /**
         * The staleness bound: an entry is dropped this long after it was loaded, whatever happened. Score events
         * evict a customer as soon as any replica rescored them; this bound covers a score message that was lost
         * (published while the broker was away) or sent before this replica's listener joined.
         */
        Duration maxAge();
    }
}
