package com.commerceinsight.prediction.scoring;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * This replica's copy of customers' stored feature vectors (prediction.customer_score), so that serving a customer
 * costs no database read and no JSON parsing once they have been asked for. An empty value is cached too: the
 * customer has no order to score from.
 * <p>
 * What keeps it correct: every change of a stored vector comes from an order event, and the replica that applied it
 * evicts its customers right after the commit; the score it publishes afterwards on prediction.repurchase-scores.v1
 * makes every other replica evict them too ({@link ScoreChangeListener}). A load that raced with an eviction (it may
 * have read the row before the commit) is not kept: each eviction bumps a counter of the customer's stripe first, and a
 * load keeps its result only if that counter did not move while it ran. Entries also expire after
 * {@code prediction.serving.vector-cache.max-age}, the bound on staleness if a score message is ever lost.
 * <p>
 * Every look-up counts as a hit or a miss ({@value #REQUESTS_METRIC}, tag {@code result}; on /q/metrics
 * {@code prediction_serving_vector_cache_requests_total}), so a latency figure can say how much of it the cache served.
 */
@ApplicationScoped
public class ServingVectors {

    /** Reads a customer's vector from the database. */
    @FunctionalInterface
    public interface Loader {
        Optional<CustomerScores.FeatureVector> load(long customerId) throws SQLException;
    }

    /** Evictions counted per stripe of customer ids: a concurrent eviction of another customer seldom blocks caching. */
    private static final int STRIPES = 4096;
    /** Look-ups by result: hit (the cache answered, an empty value included) or miss (the loader ran). */
    public static final String REQUESTS_METRIC = "prediction.serving.vector.cache.requests";

    private final Cache<Long, Optional<CustomerScores.FeatureVector>> vectors;
    private final AtomicLongArray evictions = new AtomicLongArray(STRIPES);
    private final Counter hits;
    private final Counter misses;

    public ServingVectors(ServingConfig config, MeterRegistry metrics) {
        this.vectors = Caffeine.newBuilder()
                .maximumSize(config.vectorCache().maxCustomers())
                .expireAfterWrite(config.vectorCache().maxAge())
                .build();
        this.hits = metrics.counter(REQUESTS_METRIC, "result", "hit");
        this.misses = metrics.counter(REQUESTS_METRIC, "result", "miss");
    }

    /**
     * The customer's vector from the cache, or from {@code load} (which reads the database) on a miss; empty when the
     * customer has no order to score from.
     */
    public Optional<CustomerScores.FeatureVector> get(long customerId, Loader load) throws SQLException {
        Optional<CustomerScores.FeatureVector> cached = vectors.getIfPresent(customerId);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        int stripe = stripe(customerId);
        long before = evictions.get(stripe);
        Optional<CustomerScores.FeatureVector> loaded = load.load(customerId);
        vectors.put(customerId, loaded);
        // An eviction that counted before this check may have come before the put: undo it. One that counts later
        // removes the entry itself, since it invalidates after counting.
        if (evictions.get(stripe) != before) {
            vectors.invalidate(customerId);
        }
        return loaded;
    }

    /** Forgets these customers: their stored vectors changed (an order event, applied here or by another replica). */
    public void evict(Collection<Long> customerIds) {
        for (long customerId : customerIds) {
            evictions.incrementAndGet(stripe(customerId));
            vectors.invalidate(customerId);
        }
    }

    private static int stripe(long customerId) {
        return (int) Math.floorMod(customerId ^ (customerId >>> 32), (long) STRIPES);
    }
}
