package com.commerceinsight.prediction.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Isotonic regression of the label on the score by pool-adjacent-violators, applied as scikit-learn's
 * IsotonicRegression (out_of_bounds="clip") does: linear between the fitted points, flat beyond the ends. Written
 * here, some fifty lines checked against hand cases, rather than taken from Smile (its IsotonicRegressionScaling is
 * GPL from Smile 3 on; the Apache-licensed 2.x line is no longer maintained and brings Smile's math and data modules).
 *
 * @param scores        raw probabilities at the fitted points, increasing
 * @param probabilities the calibrated probability at each, non-decreasing
 */
public record IsotonicCalibrator(double[] scores, double[] probabilities) implements Calibrator {

    public IsotonicCalibrator {
        if (scores.length == 0 || scores.length != probabilities.length) {
            throw new IllegalArgumentException("an isotonic calibrator needs as many points as values, at least one");
        }
    }

    public static IsotonicCalibrator fit(double[] rawProbabilities, int[] labels) {
        Integer[] order = new Integer[rawProbabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rawProbabilities[a], rawProbabilities[b]));
        // blocks of the stack: first and last score, label sum, weight; equal scores start in one block
        List<double[]> blocks = new ArrayList<>();
        for (int start = 0; start < order.length; ) {
            int end = start;
            double sum = 0;
            while (end < order.length && rawProbabilities[order[end]] == rawProbabilities[order[start]]) {
                sum += labels[order[end]];
                end++;
            }
            double score = rawProbabilities[order[start]];
            double[] block = {score, score, sum, end - start};
            // pool while the block before has a higher mean than this one
            while (!blocks.isEmpty() && mean(blocks.get(blocks.size() - 1)) >= mean(block)) {
                double[] before = blocks.remove(blocks.size() - 1);
                block = new double[] {before[0], block[1], before[2] + block[2], before[3] + block[3]};
            }
            blocks.add(block);
            start = end;
        }
        List<double[]> points = new ArrayList<>();
        for (double[] block : blocks) {
            points.add(new double[] {block[0], mean(block)});
            if (block[1] > block[0]) {
                points.add(new double[] {block[1], mean(block)});
            }
        }
        return new IsotonicCalibrator(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static double mean(double[] block) {
        return block[2] / block[3];
    }

    @Override
    public double calibrate(double probability) {
        if (probability <= scores[0]) {
            return probabilities[0];
        }
        int last = scores.length - 1;
        if (probability >= scores[last]) {
            return probabilities[last];
        }
        int at = Arrays.binarySearch(scores, probability);
        if (at >= 0) {
            return probabilities[at];
        }
        int upper = -at - 1;
        int lower = upper - 1;
        double share = (probability - scores[lower]) / (scores[upper] - scores[lower]);
        return probabilities[lower] + share * (probabilities[upper] - probabilities[lower]);
    }

    @Override
    @JsonIgnore
    public CalibrationMethod method() {
        return CalibrationMethod.ISOTONIC;
    }
}
