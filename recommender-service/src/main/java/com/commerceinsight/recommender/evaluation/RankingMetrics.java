package com.commerceinsight.recommender.evaluation;

import java.util.Arrays;

/**
 * Ranking metrics of one customer's top-k list against the products they went on to buy (binary relevance).
 * {@code relevant} holds the reachable relevant products sorted ascending; {@code relevantCount} may be larger when
 * some relevant products could not be recommended at all (unknown when the model was trained): they still count
 * in recall's denominator, as they should.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    public static double precision(int[] recommended, int[] relevant, int k) {
        return k == 0 ? 0 : (double) hits(recommended, relevant, k) / k;
    }

    public static double recall(int[] recommended, int[] relevant, int relevantCount, int k) {
        return relevantCount == 0 ? 0 : (double) hits(recommended, relevant, k) / relevantCount;
    }

    /** DCG with gain 1/log2(rank + 1) over the ideal DCG of min(k, relevantCount) hits at the top. */
    public static double ndcg(int[] recommended, int[] relevant, int relevantCount, int k) {
        double dcg = 0;
        for (int rank = 0; rank < Math.min(k, recommended.length); rank++) {
            if (isRelevant(recommended[rank], relevant)) {
                dcg += 1 / log2(rank + 2);
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, relevantCount); rank++) {
            ideal += 1 / log2(rank + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Average precision at k: the mean of precision@rank over the ranks of the hits, divided by min(k, relevantCount). */
    public static double averagePrecision(int[] recommended, int[] relevant, int relevantCount, int k) {
        double sum = 0;
        int hits = 0;
        for (int rank = 0; rank < Math.min(k, recommended.length); rank++) {
            if (isRelevant(recommended[rank], relevant)) {
                hits++;
                sum += (double) hits / (rank + 1);
            }
        }
        int denominator = Math.min(k, relevantCount);
        return denominator == 0 ? 0 : sum / denominator;
    }

    static int hits(int[] recommended, int[] relevant, int k) {
        int hits = 0;
        for (int rank = 0; rank < Math.min(k, recommended.length); rank++) {
            if (isRelevant(recommended[rank], relevant)) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean isRelevant(int product, int[] relevant) {
        return Arrays.binarySearch(relevant, product) >= 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
