package com.commerceinsight.prediction.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.Map;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;
import com.commerceinsight.prediction.training.ClassificationMetrics;

/**
 * Prints, for a commerce database (the original's seed shop), what the original labelling gives under its own
 * protocol (features at the end of the data, 10-fold cross-validation of a random forest) beside two honest labels:
 * the same labels shuffled (a model can learn nothing, ROC AUC 0.5) and a future purchase (an order in the last H
 * days, features from before them).
 *   java -cp ... OriginalLabellingDemo JDBC_URL (-Dfolds=10 -Dhorizon=30)
 */
public final class OriginalLabellingDemo {

    public static void main(String[] args) throws Exception {
        int folds = Integer.getInteger("folds", 10);
        int horizon = Integer.getInteger("horizon", 30);
        Map<Long, CustomerHistory> histories;
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            histories = new CommerceHistoryReader(connection).readAll();
        }
        LocalDateTime last = histories.values().stream().flatMap(h -> h.orders().stream()).map(CustomerHistory.Order::orderedAt)
                .max(LocalDateTime::compareTo).orElseThrow();
        Snapshot atEnd = Snapshot.at(histories.values(), last.plusSeconds(1), 0);
        OriginalLabelling.WeightedSum sum = OriginalLabelling.weightedSum(atEnd.features());
        Map<RepurchaseFeature, Double> shares = sum.shares(atEnd.features());
        System.out.printf("features at the end of the data (%s), %d customers with orders, %d-fold CV of the random forest%n",
                last.plusSeconds(1), atEnd.size(), folds);
        System.out.println("the original label's weighted sum, largest shares (mean |weight x value| over the sum of those):");
        OriginalLabelling.byShare(shares).stream().limit(5).forEach(f -> System.out.printf("  %-24s weight %.4f  share %5.1f %%%n",
                f.featureName(), sum.weights().get(f), 100 * shares.get(f)));
        int[] leaky = OriginalLabelling.leakyLabels(sum.sums());
        System.out.println(OriginalLabelling.crossValidated("original label (weighted sum of the features > median)",
                OriginalLabelling.relabelled(atEnd, leaky), folds, 42));
        System.out.println(OriginalLabelling.crossValidated("control: the same labels shuffled",
                OriginalLabelling.relabelled(atEnd, OriginalLabelling.shuffled(leaky, 7)), folds, 42));
        LocalDateTime cutoff = last.toLocalDate().atStartOfDay().minusDays(horizon);
        Snapshot future = Snapshot.at(histories.values(), cutoff, horizon);
        System.out.println(OriginalLabelling.crossValidated("honest: an order in (T, T + " + horizon + " d], T = " + cutoff.toLocalDate(),
                future, folds, 42));
        double[] recency = new double[future.size()];
        for (int i = 0; i < recency.length; i++) {
            recency[i] = -future.features()[i][RepurchaseFeature.DAYS_SINCE_LAST_ORDER.ordinal()];
        }
        System.out.printf("  the same label ranked by recency alone (no model): ROC AUC %.3f%n", ClassificationMetrics.rocAuc(future.labels(), recency));
    }
}
