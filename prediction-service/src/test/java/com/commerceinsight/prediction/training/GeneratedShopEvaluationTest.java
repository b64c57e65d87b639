package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;

/**
 * Guards against leakage on a generated shop, where the truth is known: a model can at best rank customers by
 * their true purchase probability, so its out-of-time ROC AUC must lie below that ceiling (and, being good,
 * within a few points of it) and above a recency-only ranking. A model above the ceiling has seen the future.
 */
class GeneratedShopEvaluationTest {

    static final LocalDateTime T = LocalDateTime.of(2024, 10, 1, 0, 0);
    static final int H = 90;

    static Snapshot train;
    static Snapshot test;
    static double ceiling;
    static double recencyOnly;

    @BeforeAll
    static void snapshots() throws Exception {
        Map<Long, CustomerHistory> histories = GeneratedShop.histories();
        train = Snapshot.at(histories.values(), T.minusDays(H), H);
        test = Snapshot.at(histories.values(), T, H);
        GroundTruthOracle oracle = new GroundTruthOracle(GeneratedShop.groundTruth());
        double[] truth = new double[test.size()];
        double[] recency = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            truth[i] = oracle.probability(test.customerIds()[i], T, H);
            recency[i] = -test.features()[i][RepurchaseFeature.DAYS_SINCE_LAST_ORDER.ordinal()];
        }
        ceiling = ClassificationMetrics.rocAuc(test.labels(), truth);
        recencyOnly = ClassificationMetrics.rocAuc(test.labels(), recency);
    }

    @Test
    void outOfTimeAucLiesBelowTheGroundTruthCeilingAndAboveRecency() {
        assertThat(test.size()).isGreaterThan(1000);
        assertThat(ceiling).isGreaterThan(recencyOnly);
        ModelEvaluator evaluator = new ModelEvaluator(5, 3, 2);
        for (Algorithm algorithm : Algorithm.values()) {
            ModelEvaluation e = evaluator.evaluate(algorithm, train, test, share -> { }).evaluation();
            double auc = e.outOfTime().rocAuc();
            System.out.printf("%s: out-of-time ROC AUC %.4f, ceiling %.4f, recency only %.4f, CV %.4f%n", algorithm, auc, ceiling,
                    recencyOnly, e.crossValidation().rocAuc());
            // 0.005 of slack above the ceiling: the truth's own AUC on a sample of this size varies by about that much
            assertThat(auc).as(algorithm + " below the ceiling").isLessThan(ceiling + 0.005);
            assertThat(auc).as(algorithm + " within a few points of the ceiling").isGreaterThan(ceiling - 0.08);
            assertThat(auc).as(algorithm + " above recency alone").isGreaterThan(recencyOnly);
        }
    }
}
