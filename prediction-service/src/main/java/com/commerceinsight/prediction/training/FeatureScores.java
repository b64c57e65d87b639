package com.commerceinsight.prediction.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The original system's per-feature variance and entropy scores, computed on the min-max scaled training rows
 * and reported with every model: variance on the [0, 1] scale, and Shannon entropy (bits) of a ten-bin histogram
 * with missing values as an eleventh bin. They describe the features; the models do not weight by them (trees
 * choose their own splits), but a near-zero score flags a feature that can carry little.
 */
public final class FeatureScores {

    static final int BINS = 10;

    public record Score(String feature, double variance, double entropyBits) {
    }

    private FeatureScores() {
    }

    public static List<Score> of(double[][] rows, List<String> names, FeaturePreprocessor preprocessor) {
        List<String> selectedNames = preprocessor.selectedNames(names);
        float[][] scaled = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            scaled[r] = preprocessor.transform(rows[r]);
        }
        List<Score> scores = new ArrayList<>();
        for (int k = 0; k < preprocessor.width(); k++) {
            double[] column = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                column[r] = scaled[r][k];
            }
            scores.add(new Score(selectedNames.get(k), variance(column), entropyBits(column)));
        }
        return scores;
    }

    /** Population variance of the non-missing values (0 when fewer than one). */
    static double variance(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return squares / n;
    }

    /** Entropy of values scaled to [0, 1]: bins of width 0.1 (values outside clamp to the edge bins), NaN its own bin. */
    static double entropyBits(double[] values) {
        long[] counts = new long[BINS + 1];
        for (double v : values) {
            int bin = Double.isNaN(v) ? BINS : (int) Math.min(BINS - 1, Math.max(0, Math.floor(v * BINS)));
            counts[bin]++;
        }
        double entropy = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / values.length;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }
}
