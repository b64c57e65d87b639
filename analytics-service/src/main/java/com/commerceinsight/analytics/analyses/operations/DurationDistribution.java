package com.commerceinsight.analytics.analyses.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/** Summarises waiting times given in hours into days: mean, median, 90th percentile and a histogram by whole days. */
final class DurationDistribution {

    static final int HISTOGRAM_DAYS = 15;

    private DurationDistribution() {
    }

    static DurationSummary of(double[] hours) {
        double[] days = Arrays.stream(hours).map(h -> h / 24).sorted().toArray();
        long[] buckets = new long[HISTOGRAM_DAYS];
        for (double d : days) {
            buckets[bucketOf(d)]++;
        }
        if (days.length == 0) {
            return summary(0, null, null, null, buckets);
        }
        return summary(days.length, Arrays.stream(days).average().orElseThrow(),
                median(days.length, rank -> days[(int) rank]), days[(int) p90Rank(days.length)], buckets);
    }

    /** The histogram bucket of a duration in days: its whole days, the last bucket open. */
    static int bucketOf(double days) {
        return (int) Math.min(HISTOGRAM_DAYS - 1, Math.floor(days));
    }

    /** The median of n sorted values given by rank (from 0): the middle one, or the mean of the two middle ones. */
    static double median(long n, LongToDoubleFunction valueAt) {
        return n % 2 == 1 ? valueAt.applyAsDouble(n / 2) : (valueAt.applyAsDouble(n / 2 - 1) + valueAt.applyAsDouble(n / 2)) / 2;
    }

    /** The rank (from 0) of the 90th percentile by nearest rank. */
    static long p90Rank(long n) {
        return (long) Math.ceil(0.9 * n) - 1;
    }

    static DurationSummary summary(long orders, Double averageDays, Double medianDays, Double p90Days, long[] buckets) {
        List<DurationSummary.DayBucket> histogram = new ArrayList<>();
        for (int i = 0; i < HISTOGRAM_DAYS; i++) {
            histogram.add(new DurationSummary.DayBucket(i, i == HISTOGRAM_DAYS - 1, buckets[i]));
        }
        return new DurationSummary(orders, averageDays, medianDays, p90Days, histogram);
    }
}
