package com.commerceinsight.prediction.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;
import com.commerceinsight.prediction.training.Algorithm;
import com.commerceinsight.prediction.training.ClassificationMetrics;
import com.commerceinsight.prediction.training.FeaturePreprocessor;
import com.commerceinsight.prediction.training.FeatureScores;
import com.commerceinsight.prediction.training.ModelEvaluator;

/**
 * The original system's labelling, rebuilt to show where its 98.57 % accuracy and AUC 1.0 came from. Its label was
 * not a future purchase: each customer's raw values of its own features (the first nineteen columns here), weighted by
 * each feature's variance + entropy score and summed, above a threshold (here the median, so the classes are even).
 * The weights are computed on min-max scaled columns but applied to the raw values, so the feature with the largest
 * raw scale, total spent, dominates the sum. A random forest given the same features then only has to re-learn a
 * fixed formula of its inputs. Its exact weights are not known; any weights of this recipe give the same picture.
 */
public final class OriginalLabelling {

    /** The original system's features, in column order (its "18" counted total spent and average order value as one). */
    public static final List<RepurchaseFeature> ORIGINAL_FEATURES = Arrays.asList(RepurchaseFeature.values())
            .subList(0, RepurchaseFeature.TENURE_DAYS.ordinal() + 1);

    /** The weighted sum of the raw original features (missing counts as 0) and its weights. */
    public record WeightedSum(Map<RepurchaseFeature, Double> weights, double[] sums) {

        /** Each feature's share of the sum: mean |w x| of the feature over the sum of those means. */
        public Map<RepurchaseFeature, Double> shares(double[][] rows) {
            Map<RepurchaseFeature, Double> means = new LinkedHashMap<>();
            weights.forEach((feature, weight) -> means.put(feature,
                    Arrays.stream(rows).mapToDouble(row -> Math.abs(weight * valueOf(row, feature))).average().orElse(0)));
            double total = means.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<RepurchaseFeature, Double> shares = new LinkedHashMap<>();
            means.forEach((feature, mean) -> shares.put(feature, total > 0 ? mean / total : 0));
            return shares;
        }
    }

    /** A label's cross-validated figures. */
    public record Figures(String label, int customers, int positives, double accuracy, double rocAuc, double f1) {

        /** The accuracy of always answering the larger class. */
        public double majorityAccuracy() {
            return (double) Math.max(positives, customers - positives) / customers;
        }

        @Override
        public String toString() {
            return String.format("%-55s customers %4d  positives %4d  accuracy %6.2f %% (majority class %5.1f %%)  ROC AUC %.3f  F1 %.3f",
                    label, customers, positives, 100 * accuracy, 100 * majorityAccuracy(), rocAuc, f1);
        }
    }

    private OriginalLabelling() {
    }

    public static WeightedSum weightedSum(double[][] rows) {
        List<String> names = RepurchaseFeature.names();
        FeaturePreprocessor scaler = FeaturePreprocessor.fit(rows, names.size());
        Map<String, FeatureScores.Score> scores = new LinkedHashMap<>();
        FeatureScores.of(rows, names, scaler).forEach(score -> scores.put(score.feature(), score));
        Map<RepurchaseFeature, Double> raw = new LinkedHashMap<>();
        for (RepurchaseFeature feature : ORIGINAL_FEATURES) {
            FeatureScores.Score score = scores.get(feature.featureName());
            raw.put(feature, score == null ? 0 : score.variance() + score.entropyBits());
        }
        double total = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<RepurchaseFeature, Double> weights = new LinkedHashMap<>();
        raw.forEach((feature, weight) -> weights.put(feature, weight / total));
        double[] sums = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (Map.Entry<RepurchaseFeature, Double> weight : weights.entrySet()) {
                sums[r] += weight.getValue() * valueOf(rows[r], weight.getKey());
            }
        }
        return new WeightedSum(weights, sums);
    }

    /** 1 when the customer's weighted sum is above the median of all customers' sums. */
    public static int[] leakyLabels(double[] sums) {
        double[] sorted = sums.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return Arrays.stream(sums).mapToInt(sum -> sum > median ? 1 : 0).toArray();
    }

    /**
     * The labels in a random order: the control whose honest answer is ROC AUC 0.5. Use a seed other than the folds':
     * the same random stream for both would tie the shuffle to the fold assignment.
     */
    public static int[] shuffled(int[] labels, long seed) {
        int[] out = labels.clone();
        Random random = new Random(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = out[i];
            out[i] = out[j];
            out[j] = swap;
        }
        return out;
    }

    /** The original protocol: k-fold cross-validation of the random forest on one snapshot, accuracy at 0.5. */
    public static Figures crossValidated(String label, Snapshot snapshot, int folds, long seed) {
        ModelEvaluator.CrossValidation cv = new ModelEvaluator(folds, seed, 2).crossValidate(Algorithm.RANDOM_FOREST, snapshot, share -> { });
        ClassificationMetrics.Report report = ClassificationMetrics.report(snapshot.labels(), cv.outOfFold(), 0.5);
        return new Figures(label, snapshot.size(), snapshot.positives(), report.accuracy(), report.rocAuc(), report.f1());
    }

    /** The snapshot with other labels. */
    public static Snapshot relabelled(Snapshot snapshot, int[] labels) {
        return new Snapshot(snapshot.cutoff(), snapshot.horizonDays(), snapshot.customerIds(), snapshot.features(), labels);
    }

    private static double valueOf(double[] row, RepurchaseFeature feature) {
        double value = row[feature.ordinal()];
        return Double.isNaN(value) ? 0 : value;
    }

    static List<RepurchaseFeature> byShare(Map<RepurchaseFeature, Double> shares) {
        List<RepurchaseFeature> features = new ArrayList<>(shares.keySet());
        features.sort((a, b) -> Double.compare(shares.get(b), shares.get(a)));
        return features;
    }
}
