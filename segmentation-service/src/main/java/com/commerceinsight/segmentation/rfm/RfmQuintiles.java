package com.commerceinsight.segmentation.rfm;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.PurchaseSummary;

/**
 * The quintile borders of recency, frequency and monetary value in a model's training population, so that any
 * customer, later or live, is scored against the population the model was trained on. The scores are the analyses'
 * (analytics-service's RFM): 1 + floor(5 x share of the population strictly worse), equal values sharing a score. Four
 * borders per measure give exactly that score without keeping the population: the score is at least s when more
 * than (s - 1) / 5 of the population is worse, that is when the value beats the population's value at that rank.
 *
 * @param recencyDays     for s = 2..5, a recency below recencyDays[s - 2] scores at least s (fewer days is better)
 * @param orders          for s = 2..5, more orders than orders[s - 2] score at least s
 * @param spend           for s = 2..5, more spend than spend[s - 2] scores at least s
 */
public record RfmQuintiles(double[] recencyDays, double[] orders, double[] spend) {

    private static final int SCORES = 5;

    /** The borders of the segmentable customers' values at the snapshot. */
    public static RfmQuintiles fit(List<PurchaseSummary> customers, LocalDateTime snapshotAt) {
        List<PurchaseSummary> segmentable = customers.stream().filter(PurchaseSummary::segmentable).toList();
        if (segmentable.isEmpty()) {
            throw new IllegalArgumentException("no customer with an order to score against");
        }
        double[] recency = sorted(segmentable, Feature.RECENCY_DAYS, snapshotAt);
        double[] frequency = sorted(segmentable, Feature.FREQUENCY, snapshotAt);
        double[] monetary = sorted(segmentable, Feature.MONETARY, snapshotAt);
        int n = segmentable.size();
        double[] recencyBorders = new double[SCORES - 1];
        double[] frequencyBorders = new double[SCORES - 1];
        double[] monetaryBorders = new double[SCORES - 1];
        for (int s = 2; s <= SCORES; s++) {
            int worse = worseNeeded(s, n); // at least this many customers worse for a score of s
            // Higher is better: at least `worse` values strictly below v iff v > sorted[worse - 1].
            frequencyBorders[s - 2] = frequency[worse - 1];
            monetaryBorders[s - 2] = monetary[worse - 1];
            // Lower is better: at least `worse` values strictly above v iff v < sorted[n - worse].
            recencyBorders[s - 2] = recency[n - worse];
        }
        return new RfmQuintiles(recencyBorders, frequencyBorders, monetaryBorders);
    }

    /** The scores of a customer's summary at a time; null when the customer has no order to score. */
    public RfmScores score(PurchaseSummary summary, LocalDateTime at) {
        if (!summary.segmentable()) {
            return null;
        }
        double recency = summary.value(Feature.RECENCY_DAYS, at);
        double frequency = summary.value(Feature.FREQUENCY, at);
        double monetary = summary.value(Feature.MONETARY, at);
        int r = 1;
        int f = 1;
        int m = 1;
        for (int s = 0; s < SCORES - 1; s++) {
            r += recency < recencyDays[s] ? 1 : 0;
            f += frequency > orders[s] ? 1 : 0;
            m += monetary > spend[s] ? 1 : 0;
        }
        return RfmScores.of(r, f, m);
    }

    /** ceil((s - 1) * n / 5), at least 1: the fewest worse customers that give a score of s. */
    private static int worseNeeded(int s, int n) {
        long atLeast = ((long) (s - 1) * n + SCORES - 1) / SCORES; // integer ceiling: no rounding at exact multiples
        return (int) Math.max(1, atLeast);
    }

    private static double[] sorted(List<PurchaseSummary> customers, Feature feature, LocalDateTime at) {
        double[] values = customers.stream().mapToDouble(c -> c.value(feature, at)).toArray();
        Arrays.sort(values);
        return values;
    }
}
