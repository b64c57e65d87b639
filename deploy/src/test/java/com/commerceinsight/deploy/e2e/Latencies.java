package com.commerceinsight.deploy.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Millisecond latencies with their nearest-rank quantiles, as the benchmarks print them. */
final class Latencies {

    private final List<Long> sorted;

    Latencies(Collection<Long> millis) {
        this.sorted = new ArrayList<>(millis);
        this.sorted.sort(null);
    }

    int count() {
        return sorted.size();
    }

    /** The nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    long percentile(int p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    @Override
    public String toString() {
        if (sorted.isEmpty()) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "n=%,d  p50 %d ms  p95 %d ms  p99 %d ms  max %d ms", sorted.size(), percentile(50),
                percentile(95), percentile(99), sorted.get(sorted.size() - 1));
    }
}
