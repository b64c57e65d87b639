package com.commerceinsight.prediction.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.calibration.Calibrator;
import com.commerceinsight.prediction.calibration.PlattCalibrator;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.training.Algorithm;
import com.commerceinsight.prediction.training.FeaturePreprocessor;
import com.commerceinsight.prediction.training.XgbModels;

import ml.dmlc.xgboost4j.java.Booster;

/**
 * Serving through DJL gives the booster's own numbers passed through the version's calibrator, also from several
 * threads; contributions add up to the booster's log-odds.
 */
class ServingModelTest {

    static final int COLUMNS = RepurchaseFeature.values().length;

    static double[][] rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][COLUMNS];
        for (double[] row : x) {
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = c == 5 && random.nextInt(4) == 0 ? Double.NaN : random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void djlPredictsWhatTheBoosterPredicts() throws Exception {
        double[][] train = rows(500, 1);
        int[] labels = new int[train.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train[i][0] + train[i][1] > 0 ? 1 : 0;
        }
        FeaturePreprocessor preprocessor = FeaturePreprocessor.fit(train, COLUMNS);
        for (Algorithm algorithm : Algorithm.values()) {
            Booster booster = XgbModels.train(preprocessor.transformFlat(train), train.length, preprocessor.width(), labels,
                    algorithm.parameters(1, 1), algorithm.rounds());
            double[][] test = rows(200, 2);
            double[] raw = XgbModels.predict(booster, preprocessor.transformFlat(test), test.length, preprocessor.width());
            byte[] json = XgbModels.toJson(booster);
            booster.dispose();
            // a calibrator far from the identity, so that serving the raw probability would fail the comparisons
            Calibrator calibrator = new PlattCalibrator(0.5, -1.0);
            double[] expected = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                expected[i] = 1 / (1 + Math.exp(-(0.5 * Math.log(raw[i] / (1 - raw[i])) - 1.0)));
                assertThat(Math.abs(expected[i] - raw[i])).as("the calibrator moves row " + i).isGreaterThan(1e-3);
            }
            try (ServingModel serving = new ServingModel(1, 0.5, preprocessor, preprocessor.selectedNames(RepurchaseFeature.names()), json,
                    calibrator, 2)) {
                double[] batch = serving.probabilities(test);
                for (int i = 0; i < test.length; i++) {
                    assertThat(batch[i]).as(algorithm + " row " + i).isCloseTo(expected[i], within(1e-6));
                }
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<double[]>> singles = new java.util.ArrayList<>();
                for (double[] row : test) {
                    singles.add(pool.submit(() -> serving.probabilities(new double[][] {row})));
                }
                for (int i = 0; i < test.length; i++) {
                    assertThat(singles.get(i).get()[0]).isCloseTo(expected[i], within(1e-6));
                }
                pool.shutdown();
                // SHAP values of all columns plus the bias add up to the log-odds of the booster's own probability
                ServingModel.Score single = serving.score(test[0], COLUMNS);
                assertThat(single.probability()).isCloseTo(expected[0], within(1e-6));
                double sum = single.topContributions().stream().mapToDouble(ServingModel.Contribution::contribution).sum();
                float[] all = XgbModels.contributions(XgbModels.fromBytes(json), preprocessor.transform(test[0]), 1, preprocessor.width())[0];
                double logOdds = Math.log(raw[0] / (1 - raw[0]));
                assertThat(sum + all[all.length - 1]).isCloseTo(logOdds, within(1e-3));
                assertThat(serving.score(test[0], 3).topContributions()).hasSize(3);
                assertThat(serving.score(test[0], 0).topContributions()).isEmpty();
            }
            // a version trained before calibration (no calibrator) serves the booster's probability as it is
            try (ServingModel uncalibrated = new ServingModel(2, 0.5, preprocessor, preprocessor.selectedNames(RepurchaseFeature.names()),
                    json, null, 1)) {
                assertThat(uncalibrated.probabilities(test)[0]).isCloseTo(raw[0], within(1e-6));
            }
        }
    }
}
