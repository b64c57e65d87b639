package com.commerceinsight.prediction.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.TimeAnchors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The serving cache keeps what it loaded until an eviction, never keeps a load that raced with one, and counts each
 * look-up as a hit or a miss.
 */
class ServingVectorsTest {

    private static final LocalDateTime T = LocalDateTime.parse("2025-01-01T00:00:00");

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ServingVectors vectors = new ServingVectors(config(), metrics);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aLoadedVectorIsServedUntilItsCustomerIsEvicted() throws Exception {
        assertThat(vectors.get(7, id -> load(id, 1.0))).map(v -> v.features()[0]).contains(1.0);
        assertThat(vectors.get(7, id -> load(id, 2.0))).map(v -> v.features()[0]).contains(1.0);
        assertThat(loads).hasValue(1);
        vectors.evict(List.of(8L));
        assertThat(vectors.get(7, id -> load(id, 2.0))).map(v -> v.features()[0]).contains(1.0);
        vectors.evict(List.of(7L));
        assertThat(vectors.get(7, id -> load(id, 3.0))).map(v -> v.features()[0]).contains(3.0);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aCustomerWithoutOrdersIsRememberedAsSuch() throws Exception {
        assertThat(vectors.get(9, id -> { loads.incrementAndGet(); return Optional.empty(); })).isEmpty();
        assertThat(vectors.get(9, id -> load(id, 1.0))).isEmpty();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aLoadDuringWhichTheCustomerWasEvictedIsNotKept() throws Exception {
        // the load reads the old row, then the event's commit and eviction happen before the load returns
        assertThat(vectors.get(5, id -> {
            Optional<CustomerScores.FeatureVector> old = load(id, 1.0);
            vectors.evict(List.of(id));
            return old;
        })).map(v -> v.features()[0]).contains(1.0);
        assertThat(vectors.get(5, id -> load(id, 2.0))).map(v -> v.features()[0]).contains(2.0);
    }

    @Test
    void eachLookUpCountsAsAHitOrAMissAsTheLoaderRanOrNot() throws Exception {
        vectors.get(7, id -> load(id, 1.0));
        assertThat(requests("miss")).isEqualTo(1.0);
        assertThat(requests("hit")).isZero();
        vectors.get(7, id -> load(id, 1.0));
        vectors.get(9, id -> { loads.incrementAndGet(); return Optional.empty(); });
        vectors.get(9, id -> load(id, 1.0));
        vectors.evict(List.of(7L));
        vectors.get(7, id -> load(id, 2.0));
        assertThat(requests("hit")).isEqualTo(2.0);
        assertThat(requests("miss")).isEqualTo(loads.get()).isEqualTo(3.0);
    }

    private double requests(String result) {
        return metrics.get(ServingVectors.REQUESTS_METRIC).tag("result", result).counter().count();
    }

    private Optional<CustomerScores.FeatureVector> load(long customerId, double value) {
        loads.incrementAndGet();
        return Optional.of(new CustomerScores.FeatureVector(customerId, new double[] {value}, new TimeAnchors(null, T, T, List.of(), List.of()), T));
    }

    private static ServingConfig config() {
        return new ServingConfig() {
            public Duration refreshInterval() {
                return Duration.ofSeconds(10);
            }

            public int predictors() {
                return 1;
            }

            public int topContributions() {
                return 5;
            }

            public Optional<LocalDateTime> asOf() {
                return Optional.empty();
            }

            public VectorCache vectorCache() {
                return new VectorCache() {
                    public long maxCustomers() {
                        return 100;
                    }

                    public Duration maxAge() {
                        return Duration.ofMinutes(5);
                    }
                };
            }

            public HistoryCache historyCache() {
                throw new UnsupportedOperationException("the vector cache does not use it");
            }
        };
    }
}
