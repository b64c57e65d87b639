package com.commerceinsight.prediction.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.training.ClassificationMetrics;

/** The choice goes to the method whose shape fits, judged on rows each fit did not see. */
class CalibratorSelectionTest {

    @Test
    void choosesPlattForALogisticDistortionAndIsotonicForAStep() {
        Random random = new Random(9);
        int n = 6_000;
        double[] logistic = new double[n];
        int[] logisticLabels = new int[n];
        double[] step = new double[n];
        int[] stepLabels = new int[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian() * 2;
            logistic[i] = 1 / (1 + Math.exp(-z));
            logisticLabels[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 * z + 0.4))) ? 1 : 0;
            // a true probability that jumps from 0.1 to 0.9 at a score of 0.5: no logistic curve of the log-odds is that steep and flat
            step[i] = random.nextDouble();
            stepLabels[i] = random.nextDouble() < (step[i] < 0.5 ? 0.1 : 0.9) ? 1 : 0;
        }
        CalibratorSelection.Choice forLogistic = CalibratorSelection.choose(logistic, logisticLabels, 1);
        assertThat(forLogistic.calibrator().method()).isEqualTo(CalibrationMethod.PLATT);
        CalibratorSelection.Choice forStep = CalibratorSelection.choose(step, stepLabels, 1);
        assertThat(forStep.calibrator().method()).isEqualTo(CalibrationMethod.ISOTONIC);
        for (CalibratorSelection.Choice choice : List.of(forLogistic, forStep)) {
            assertThat(choice.candidates()).extracting(CalibratorSelection.Candidate::method)
                    .containsExactly(CalibrationMethod.ISOTONIC, CalibrationMethod.PLATT);
            double best = choice.candidates().stream().mapToDouble(CalibratorSelection.Candidate::crossFittedBrier).min().orElseThrow();
            assertThat(best).isLessThan(choice.uncalibratedBrier());
        }
        assertThat(forStep.uncalibratedBrier()).isCloseTo(ClassificationMetrics.brier(stepLabels, step), within(1e-12));
    }
}
