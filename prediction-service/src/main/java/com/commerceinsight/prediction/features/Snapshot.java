package com.commerceinsight.prediction.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The customers at a cutoff T, each with features from before T and the label from (T, T + H]. The population is
 * the customers with at least one order before T: the question is whether a known customer buys again.
 */
public record Snapshot(LocalDateTime cutoff, int horizonDays, long[] customerIds, double[][] features, int[] labels) {

    public static Snapshot at(Collection<CustomerHistory> histories, LocalDateTime cutoff, int horizonDays) {
        List<CustomerHistory> population = new ArrayList<>();
        for (CustomerHistory history : histories) {
            if (history.salesBefore(cutoff) > 0) {
                population.add(history);
            }
        }
        long[] ids = new long[population.size()];
        double[][] features = new double[population.size()][];
        int[] labels = new int[population.size()];
        for (int i = 0; i < population.size(); i++) {
            CustomerHistory history = population.get(i);
            ids[i] = history.customerId();
            features[i] = FeatureExtractor.extract(history, cutoff);
            labels[i] = RepurchaseLabeler.label(history, cutoff, horizonDays);
        }
        return new Snapshot(cutoff, horizonDays, ids, features, labels);
    }

    public int size() {
        return labels.length;
    }

    public int positives() {
        int sum = 0;
        for (int label : labels) {
            sum += label;
        }
        return sum;
    }

    /** The rows at the given indexes, in that order. */
    public Snapshot rows(int[] indexes) {
        long[] ids = new long[indexes.length];
        double[][] rows = new double[indexes.length][];
        int[] y = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            ids[i] = customerIds[indexes[i]];
            rows[i] = features[indexes[i]];
            y[i] = labels[indexes[i]];
        }
        return new Snapshot(cutoff, horizonDays, ids, rows, y);
    }
}
