package com.commerceinsight.prediction.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.commerceinsight.prediction.calibration.Rounding;

/**
 * The curves a reviewer reads next to the figures, on the out-of-time test with the served (calibrated) probabilities:
 * ROC as [false positive rate, true positive rate] from (0, 0) to (1, 1), precision-recall as [recall, precision] from
 * the highest threshold down, and the confusion matrix at the chosen threshold. A curve has one point per distinct
 * score before thinning; thinning keeps the first and last point and then a point whenever the path has moved by a
 * hundredth of its whole length (summed |dx| + |dy|) since the last one kept: at most about 100 points, and every
 * turn the chart can show.
 */
public record EvaluationCurves(List<double[]> roc, List<double[]> precisionRecall, double threshold,
                               ClassificationMetrics.ConfusionMatrix confusion) {

    /** Points a curve keeps at most, about. */
    public static final int MAX_POINTS = 100;

    public static EvaluationCurves of(int[] labels, double[] probabilities, double threshold) {
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = labels.length - positives;
        List<double[]> roc = new ArrayList<>();
        List<double[]> precisionRecall = new ArrayList<>();
        roc.add(new double[] {0, 0});
        long truePositives = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && probabilities[order[end]] == probabilities[order[start]]) {
                truePositives += labels[order[end]];
                end++;
            }
            long falsePositives = end - truePositives;
            double recall = positives == 0 ? 0 : (double) truePositives / positives;
            roc.add(new double[] {negatives == 0 ? 0 : (double) falsePositives / negatives, recall});
            precisionRecall.add(new double[] {recall, (double) truePositives / end});
            start = end;
        }
        return new EvaluationCurves(thin(roc), thin(precisionRecall), threshold,
                ClassificationMetrics.ConfusionMatrix.at(labels, probabilities, threshold));
    }

    /** The area under the ROC points by the trapezoid rule (equals the Mann-Whitney ROC AUC before thinning). */
    public static double area(List<double[]> points) {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            area += (points.get(i)[0] - points.get(i - 1)[0]) * (points.get(i)[1] + points.get(i - 1)[1]) / 2;
        }
        return area;
    }

    static List<double[]> thin(List<double[]> points) {
        if (points.size() <= MAX_POINTS) {
            return points.stream().map(EvaluationCurves::rounded).toList();
        }
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += step(points.get(i - 1), points.get(i));
        }
        double spacing = length / (MAX_POINTS - 1);
        List<double[]> kept = new ArrayList<>();
        kept.add(rounded(points.get(0)));
        double[] last = points.get(0);
        for (int i = 1; i < points.size() - 1; i++) {
            if (step(last, points.get(i)) >= spacing) {
                kept.add(rounded(points.get(i)));
                last = points.get(i);
            }
        }
        kept.add(rounded(points.get(points.size() - 1)));
        return kept;
    }

    private static double step(double[] from, double[] to) {
        return Math.abs(to[0] - from[0]) + Math.abs(to[1] - from[1]);
    }

    private static double[] rounded(double[] point) {
        return new double[] {Rounding.round(point[0]), Rounding.round(point[1])};
    }
}
