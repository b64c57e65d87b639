package com.commerceinsight.prediction.training;

import java.util.Arrays;

/** Chooses the decision threshold that maximises F1 on out-of-fold predictions, never on the test set. */
public final class ThresholdSelector {

    private ThresholdSelector() {
    }

    /** The distinct predicted probability p whose rule "positive when >= p" gives the highest F1 (0.5 without positives). */
    public static double maximiseF1(int[] labels, double[] probabilities) {
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        double best = 0.5;
        double bestF1 = -1;
        long truePositives = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && probabilities[order[end]] == probabilities[order[start]]) {
                truePositives += labels[order[end]];
                end++;
            }
            double precision = (double) truePositives / end;
            double recall = positives == 0 ? 0 : (double) truePositives / positives;
            double f1 = ClassificationMetrics.f1(precision, recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = probabilities[order[start]];
            }
            start = end;
        }
        return positives == 0 ? 0.5 : best;
    }
}
