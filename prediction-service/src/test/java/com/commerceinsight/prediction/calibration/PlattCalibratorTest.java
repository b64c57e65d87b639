package com.commerceinsight.prediction.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Platt scaling recovers the slope and intercept that generated the labels; calibrators survive their JSON. */
class PlattCalibratorTest {

    @Test
    void recoversAKnownSlopeAndInterceptOnLogisticData() {
        // labels drawn with P(1) = sigmoid(1.8 z - 0.6) where z is the log-odds the model reports
        Random random = new Random(3);
        int n = 40_000;
        double[] raw = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian() * 1.5;
            raw[i] = 1 / (1 + Math.exp(-z));
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-(1.8 * z - 0.6))) ? 1 : 0;
        }
        PlattCalibrator fitted = PlattCalibrator.fit(raw, labels);
        // standard errors at this size are about 0.02 for both
        assertThat(fitted.slope()).isCloseTo(1.8, within(0.08));
        assertThat(fitted.intercept()).isCloseTo(-0.6, within(0.06));
        assertThat(fitted.calibrate(0.5)).isCloseTo(1 / (1 + Math.exp(0.6)), within(0.02));
    }

    @Test
    void separableScoresKeepFiniteParameters() {
        double[] raw = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        int[] labels = {0, 0, 0, 1, 1, 1};
        PlattCalibrator fitted = PlattCalibrator.fit(raw, labels);
        assertThat(fitted.slope()).isPositive().isLessThan(100);
        assertThat(fitted.calibrate(0.9)).isLessThan(1.0).isGreaterThan(fitted.calibrate(0.1));
    }

    @Test
    void bothCalibratorsReadBackFromTheirStoredJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Calibrator platt = new PlattCalibrator(1.2, -0.3);
        Calibrator isotonic = new IsotonicCalibrator(new double[] {0.1, 0.6}, new double[] {0.2, 0.7});
        for (Calibrator calibrator : java.util.List.of(platt, isotonic)) {
            String stored = json.writeValueAsString(calibrator);
            assertThat(json.readTree(stored).get("method").asText()).isEqualTo(calibrator.method().name());
            Calibrator read = json.readValue(stored, Calibrator.class);
            assertThat(read.calibrate(0.35)).isEqualTo(calibrator.calibrate(0.35));
        }
    }
}
