package com.commerceinsight.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Metrics on lists worked out by hand. */
class RankingMetricsTest {

    // Recommended 7, 3, 9, 1 (k = 4); bought 3, 1 and one product the model never knew (relevantCount 3).
    private static final int[] LIST = {7, 3, 9, 1};
    private static final int[] RELEVANT = {1, 3};

    @Test
    void precisionIsHitsOverK() {
        assertThat(RankingMetrics.precision(LIST, RELEVANT, 4)).isEqualTo(0.5);
        assertThat(RankingMetrics.precision(LIST, RELEVANT, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.precision(LIST, RELEVANT, 1)).isZero();
    }

    @Test
    void recallCountsUnreachableProductsInTheDenominator() {
        assertThat(RankingMetrics.recall(LIST, RELEVANT, 3, 4)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingMetrics.recall(LIST, RELEVANT, 2, 4)).isEqualTo(1.0);
    }

    @Test
    void ndcgDiscountsHitsByRank() {
        // DCG = 1/log2(3) + 1/log2(5) (hits at ranks 2 and 4); ideal for 3 relevant = 1 + 1/log2(3) + 1/log2(4).
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(5) / Math.log(2));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 0.5;
        assertThat(RankingMetrics.ndcg(LIST, RELEVANT, 3, 4)).isCloseTo(dcg / ideal, within(1e-12));
        assertThat(RankingMetrics.ndcg(new int[] {3, 1, 7, 9}, RELEVANT, 2, 4)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingMetrics.ndcg(new int[] {7, 9}, RELEVANT, 2, 2)).isZero();
    }

    @Test
    void averagePrecisionAveragesPrecisionAtEachHit() {
        // Hits at ranks 2 and 4: (1/2 + 2/4) / min(4, 3).
        assertThat(RankingMetrics.averagePrecision(LIST, RELEVANT, 3, 4)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.averagePrecision(new int[] {3, 1, 7}, RELEVANT, 2, 3)).isEqualTo(1.0);
    }

    @Test
    void evaluatorAveragesOverBuyersAndMeasuresCoverage() {
        // Customer 0 bought product 2 (hit at rank 1 of [2, 0]); customer 1 bought nothing (not averaged);
        // customer 2 bought product 3 (miss with [0, 1]).
        HeldOutPurchases heldOut = new HeldOutPurchases(new int[][] {{2}, {}, {3}}, new int[] {1, 0, 1});
        UserRanker ranker = (customer, k) -> customer == 0 ? new int[] {2, 0} : new int[] {0, 1};

        ModelMetrics metrics = RankingEvaluator.evaluate("test", ranker, heldOut, 2, 8);

        assertThat(metrics.customers()).isEqualTo(2);
        assertThat(metrics.precision()).isEqualTo(0.25);
        assertThat(metrics.recall()).isEqualTo(0.5);
        assertThat(metrics.ndcg()).isEqualTo(0.5);
        assertThat(metrics.map()).isEqualTo(0.5);
        assertThat(metrics.coverage()).isEqualTo(3.0 / 8);
    }
}
