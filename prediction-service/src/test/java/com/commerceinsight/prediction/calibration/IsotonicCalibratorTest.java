package com.commerceinsight.prediction.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.training.ClassificationMetrics;

/** Pool-adjacent-violators against hand-checked cases, monotonicity, and its effect on a miscalibrated score. */
class IsotonicCalibratorTest {

    @Test
    void poolsAdjacentViolatorsAsWorkedByHand() {
        // scores 0.1..0.6 with labels 1 0 0 1 0 1: (0.1, 0.2, 0.3) pool to 1/3, then 0.4 (1) and 0.5 (0) pool to 1/2, 0.6 stays 1
        IsotonicCalibrator fitted = IsotonicCalibrator.fit(new double[] {0.4, 0.1, 0.6, 0.3, 0.2, 0.5}, new int[] {1, 1, 1, 0, 0, 0});
        assertThat(fitted.scores()).containsExactly(0.1, 0.3, 0.4, 0.5, 0.6);
        assertThat(fitted.probabilities()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 0.5, 0.5, 1.0}, within(1e-12));
        assertThat(fitted.calibrate(0.2)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(fitted.calibrate(0.35)).as("linear between fitted points").isCloseTo((1 / 3.0 + 0.5) / 2, within(1e-12));
        assertThat(fitted.calibrate(0.55)).isCloseTo(0.75, within(1e-12));
        assertThat(fitted.calibrate(0.0)).as("clipped below").isCloseTo(1 / 3.0, within(1e-12));
        assertThat(fitted.calibrate(0.99)).as("clipped above").isEqualTo(1.0);
    }

    @Test
    void equalScoresAreOneBlock() {
        IsotonicCalibrator fitted = IsotonicCalibrator.fit(new double[] {0.2, 0.2, 0.2, 0.2, 0.7}, new int[] {1, 0, 0, 0, 1});
        assertThat(fitted.scores()).containsExactly(0.2, 0.7);
        assertThat(fitted.probabilities()).containsExactly(0.25, 1.0);
    }

    @Test
    void isMonotoneAndLowersTheBrierScoreOfAMiscalibratedScore() {
        // the true probability is q, the model says q cubed: far too low everywhere but at the ends
        Random random = new Random(5);
        int n = 20_000;
        double[] score = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            double q = random.nextDouble();
            score[i] = q * q * q;
            label[i] = random.nextDouble() < q ? 1 : 0;
        }
        int half = n / 2;
        IsotonicCalibrator fitted = IsotonicCalibrator.fit(java.util.Arrays.copyOf(score, half), java.util.Arrays.copyOf(label, half));
        double previous = -1;
        for (int step = 0; step <= 1000; step++) {
            double calibrated = fitted.calibrate(step / 1000.0);
            assertThat(calibrated).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = calibrated;
        }
        double[] heldScore = java.util.Arrays.copyOfRange(score, half, n);
        int[] heldLabel = java.util.Arrays.copyOfRange(label, half, n);
        double before = ClassificationMetrics.brier(heldLabel, heldScore);
        double after = ClassificationMetrics.brier(heldLabel, fitted.calibrate(heldScore));
        // the best possible Brier score here is E[q(1-q)] = 1/6; the cubed score is well above it
        assertThat(before).isGreaterThan(0.2);
        assertThat(after).isLessThan(before - 0.03).isCloseTo(1 / 6.0, within(0.01));
        assertThat(fitted.calibrate(0.125)).as("q = 0.5 cubed").isCloseTo(0.5, within(0.05));
    }
}
