package com.commerceinsight.prediction.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * The reliability diagram: predictions cut into equal-width bins of probability, and per bin the mean prediction
 * beside the share of positives. A calibrated model's points lie on the diagonal.
 */
public final class ReliabilityCurve {

    public static final int BINS = 10;

    private ReliabilityCurve() {
    }

    /**
     * One bin, [lower, upper) (the last one closed); {@code meanPredicted} and {@code observedRate} are null when the bin
     * holds no prediction.
     */
    public record Bin(double lower, double upper, Double meanPredicted, Double observedRate, long count) {
    }

    public static List<Bin> of(int[] labels, double[] probabilities) {
        double[] predictedSum = new double[BINS];
        long[] positives = new long[BINS];
        long[] counts = new long[BINS];
        for (int i = 0; i < labels.length; i++) {
            int bin = Math.min(BINS - 1, Math.max(0, (int) Math.floor(probabilities[i] * BINS)));
            predictedSum[bin] += probabilities[i];
            positives[bin] += labels[i];
            counts[bin]++;
        }
        List<Bin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            boolean empty = counts[b] == 0;
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, empty ? null : Rounding.round(predictedSum[b] / counts[b]),
                    empty ? null : Rounding.round((double) positives[b] / counts[b]), counts[b]));
        }
        return bins;
    }
}
