package com.commerceinsight.prediction.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Binary classification figures from labels (0/1) and predicted probabilities. Written here rather than taken from
 * a library because they are few, exactly specified and must be checked by hand in tests; ties in the scores are
 * handled as scikit-learn does (average ranks for ROC AUC, one step per distinct score for PR AUC).
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /** Counts at a threshold: predicted positive when p >= threshold. */
    public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

        public static ConfusionMatrix at(int[] labels, double[] probabilities, double threshold) {
            long tp = 0, fp = 0, tn = 0, fn = 0;
            for (int i = 0; i < labels.length; i++) {
                boolean predicted = probabilities[i] >= threshold;
                if (labels[i] == 1) {
                    tp += predicted ? 1 : 0;
                    fn += predicted ? 0 : 1;
                } else {
                    fp += predicted ? 1 : 0;
                    tn += predicted ? 0 : 1;
                }
            }
            return new ConfusionMatrix(tp, fp, tn, fn);
        }

        public long total() {
            return truePositives + falsePositives + trueNegatives + falseNegatives;
        }
    }

    /** Precision, recall, F1 and support of one class. */
    public record ClassReport(int label, double precision, double recall, double f1, long support) {
    }

    /** Every figure of one evaluation; threshold-dependent ones at {@code threshold}. */
    public record Report(long customers, long positives, double threshold, double accuracy, double rocAuc, double prAuc,
                         double precision, double recall, double f1, double kappa, double mcc, double brier,
                         ConfusionMatrix confusion, List<ClassReport> perClass) {
    }

    public static Report report(int[] labels, double[] probabilities, double threshold) {
        ConfusionMatrix m = ConfusionMatrix.at(labels, probabilities, threshold);
        double n = m.total();
        double tp = m.truePositives(), fp = m.falsePositives(), tn = m.trueNegatives(), fn = m.falseNegatives();
        double accuracy = n == 0 ? 0 : (tp + tn) / n;
        double expectedAgreement = n == 0 ? 0 : ((tp + fp) * (tp + fn) + (tn + fn) * (tn + fp)) / (n * n);
        double kappa = expectedAgreement == 1 ? 0 : (accuracy - expectedAgreement) / (1 - expectedAgreement);
        double mccDenominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        double mcc = mccDenominator == 0 ? 0 : (tp * tn - fp * fn) / mccDenominator;
        ClassReport positive = classReport(1, tp, fp, fn);
        ClassReport negative = classReport(0, tn, fn, fp);
        return new Report((long) n, (long) (tp + fn), threshold, accuracy, rocAuc(labels, probabilities),
                averagePrecision(labels, probabilities), positive.precision(), positive.recall(), positive.f1(), kappa, mcc,
                brier(labels, probabilities), m, List.of(negative, positive));
    }

    private static ClassReport classReport(int label, double hits, double falseAlarms, double misses) {
        double precision = hits + falseAlarms == 0 ? 0 : hits / (hits + falseAlarms);
        double recall = hits + misses == 0 ? 0 : hits / (hits + misses);
        return new ClassReport(label, precision, recall, f1(precision, recall), (long) (hits + misses));
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** ROC AUC as the Mann-Whitney statistic: the chance a random positive outscores a random negative, ties half. NaN with one class. */
    public static double rocAuc(int[] labels, double[] scores) {
        Integer[] order = sortedIndexes(scores, Comparator.naturalOrder());
        double[] ranks = new double[scores.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = averageRank;
            }
            start = end + 1;
        }
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double positiveRankSum = 0;
        for (int i = 0; i < labels.length; i++) {
            positiveRankSum += labels[i] == 1 ? ranks[i] : 0;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** PR AUC as average precision: the mean over positives of the precision at the score that first includes them. */
    public static double averagePrecision(int[] labels, double[] scores) {
        Integer[] order = sortedIndexes(scores, Comparator.reverseOrder());
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        long truePositives = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            long gained = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                gained += labels[order[end]];
                end++;
            }
            truePositives += gained;
            sum += gained * ((double) truePositives / end);
            start = end;
        }
        return sum / positives;
    }

    public static double brier(int[] labels, double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += (probabilities[i] - labels[i]) * (probabilities[i] - labels[i]);
        }
        return labels.length == 0 ? Double.NaN : sum / labels.length;
    }

    private static Integer[] sortedIndexes(double[] scores, Comparator<Double> direction) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> direction.compare(scores[a], scores[b]));
        return order;
    }
}
