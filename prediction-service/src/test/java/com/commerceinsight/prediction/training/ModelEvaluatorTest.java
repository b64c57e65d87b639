package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;

/**
 * Both algorithms on planted data: the label depends on recency and frequency through a known logistic model,
 * so a model must find the signal; with labels shuffled there is none to find and ROC AUC must sit at chance.
 */
class ModelEvaluatorTest {

    static final LocalDateTime T = LocalDateTime.of(2024, 6, 1, 0, 0);
    static final int COLUMNS = RepurchaseFeature.values().length;

    /** Rows with noise in every column; P(label) = logistic(2 - recency / 30 + orders / 3). */
    static Snapshot planted(int rows, long seed, boolean shuffleLabels) {
        Random random = new Random(seed);
        double[][] x = new double[rows][COLUMNS];
        int[] y = new int[rows];
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                x[i][c] = random.nextGaussian();
            }
            double recency = random.nextDouble() * 180;
            double orders = 1 + random.nextInt(10);
            x[i][RepurchaseFeature.DAYS_SINCE_LAST_ORDER.ordinal()] = recency;
            x[i][RepurchaseFeature.TOTAL_ORDERS.ordinal()] = orders;
            double p = 1 / (1 + Math.exp(-(2 - recency / 30 + orders / 3)));
            y[i] = random.nextDouble() < p ? 1 : 0;
            ids[i] = i;
        }
        if (shuffleLabels) {
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = y[i];
                y[i] = y[j];
                y[j] = swap;
            }
        }
        return new Snapshot(T, 90, ids, x, y);
    }

    @Test
    void bothAlgorithmsFindAPlantedSignalAndRankItsFeaturesFirst() {
        ModelEvaluator evaluator = new ModelEvaluator(5, 11, 2);
        for (Algorithm algorithm : Algorithm.values()) {
            ModelEvaluation e = evaluator.evaluate(algorithm, planted(2000, 1, false), planted(2000, 2, false), share -> { }).evaluation();
            assertThat(e.outOfTime().rocAuc()).as(algorithm.name()).isGreaterThan(0.8);
            assertThat(e.crossValidation().rocAuc()).as(algorithm.name()).isGreaterThan(0.8);
            assertThat(e.foldRocAucs()).hasSize(5);
            String top = e.permutationImportance().entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(top).isEqualTo("days_since_last_order");
            assertThat(e.gainImportance()).containsKey("days_since_last_order");
            assertThat(e.outOfTime().customers()).isEqualTo(2000);
        }
    }

    @Test
    void shuffledLabelsScoreChanceOutOfTime() {
        ModelEvaluator evaluator = new ModelEvaluator(5, 11, 2);
        for (Algorithm algorithm : Algorithm.values()) {
            ModelEvaluation e = evaluator.evaluate(algorithm, planted(2000, 3, true), planted(3000, 4, true), share -> { }).evaluation();
            // 3,000 test rows: the AUC of a score unrelated to the label has a standard error near 0.011
            assertThat(e.outOfTime().rocAuc()).as(algorithm.name()).isBetween(0.46, 0.54);
            assertThat(e.crossValidation().rocAuc()).as(algorithm.name()).isBetween(0.45, 0.55);
        }
    }
}
