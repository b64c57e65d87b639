package com.commerceinsight.analytics.analyses.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Summarises waiting times given in hours into days: mean, median, 90th percentile and a histogram by whole days. */
final class DurationDistribution {

    static final int HISTOGRAM_DAYS = 15;

    private DurationDistribution() {
    }

    static DurationSummary of(double[] hours) {
        double[] days = Arrays.stream(hours).map(h -> h / 24).sorted().toArray();
        long[] buckets = new long[HISTOGRAM_DAYS];
        for (double d : days) {
            buckets[(int) Math.min(HISTOGRAM_DAYS - 1, Math.floor(d))]++;
        }
        List<DurationSummary.DayBucket> histogram = new ArrayList<>();
        for (int i = 0; i < HISTOGRAM_DAYS; i++) {
            histogram.add(new DurationSummary.DayBucket(i, i == HISTOGRAM_DAYS - 1, buckets[i]));
        }
        if (days.length == 0) {
            return new DurationSummary(0, null, null, null, histogram);
        }
        double median = days.length % 2 == 1 ? days[days.length / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
        double p90 = days[(int) Math.ceil(0.9 * days.length) - 1];
        return new DurationSummary(days.length, Arrays.stream(days).average().orElseThrow(), median, p90, histogram);
    }
}
