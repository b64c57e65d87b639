package com.commerceinsight.recommender.evaluation;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/** Averages the ranking metrics of a model over the customers with held-out purchases, in parallel. */
public final class RankingEvaluator {

    private RankingEvaluator() {
    }

    public static ModelMetrics evaluate(String model, UserRanker ranker, HeldOutPurchases heldOut, int k, int catalogueSize) {
        int[] relevantCount = heldOut.relevantCount();
        AtomicIntegerArray recommendedOnce = new AtomicIntegerArray(Math.max(1, catalogueSize));
        double[][] perCustomer = IntStream.range(0, relevantCount.length).parallel()
                .filter(c -> relevantCount[c] > 0)
                .mapToObj(c -> {
                    int[] list = ranker.recommend(c, k);
                    for (int product : list) {
                        recommendedOnce.set(product, 1);
                    }
                    int[] relevant = heldOut.reachable()[c];
                    return new double[] {RankingMetrics.precision(list, relevant, k),
                            RankingMetrics.recall(list, relevant, relevantCount[c], k),
                            RankingMetrics.ndcg(list, relevant, relevantCount[c], k),
                            RankingMetrics.averagePrecision(list, relevant, relevantCount[c], k)};
                }).toArray(double[][]::new);
        double[] mean = new double[4];
        for (double[] row : perCustomer) {
            for (int m = 0; m < 4; m++) {
                mean[m] += row[m] / perCustomer.length;
            }
        }
        int covered = 0;
        for (int i = 0; i < recommendedOnce.length(); i++) {
            covered += recommendedOnce.get(i);
        }
        return new ModelMetrics(model, k, perCustomer.length, mean[0], mean[1], mean[2], mean[3],
                catalogueSize == 0 ? 0 : (double) covered / catalogueSize);
    }
}
