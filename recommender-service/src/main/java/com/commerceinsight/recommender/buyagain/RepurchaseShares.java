package com.commerceinsight.recommender.buyagain;

import java.util.HashMap;
import java.util.Map;

/**
 * Per product, the share of its buyers who bought it more than once, smoothed towards one half ((repeat buyers + 1)
 * / (buyers + 2), Laplace's rule) so that a product with two buyers does not get a share of 0 or 1. A product no one
 * bought has the prior, one half.
 */
public final class RepurchaseShares {

    private final Map<Long, Double> shares;

    private RepurchaseShares(Map<Long, Double> shares) {
        this.shares = shares;
    }

    /** Counts one product's buyers as they are added, then {@link #build}s the shares. */
    public static final class Counter {
        private final Map<Long, long[]> counts = new HashMap<>();

        public Counter add(long productId, long buyers, long repeatBuyers) {
            long[] c = counts.computeIfAbsent(productId, id -> new long[2]);
            c[0] += buyers;
            c[1] += repeatBuyers;
            return this;
        }

        public RepurchaseShares build() {
            Map<Long, Double> shares = new HashMap<>(counts.size() * 2);
            counts.forEach((product, c) -> shares.put(product, smoothed(c[0], c[1])));
            return new RepurchaseShares(shares);
        }
    }

    public static Counter counter() {
        return new Counter();
    }

    public static double smoothed(long buyers, long repeatBuyers) {
        return (repeatBuyers + 1.0) / (buyers + 2.0);
    }

    public double of(long productId) {
        return shares.getOrDefault(productId, smoothed(0, 0));
    }
}
