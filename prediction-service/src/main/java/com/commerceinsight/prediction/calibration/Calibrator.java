package com.commerceinsight.prediction.calibration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps a model's raw probability to a calibrated one: among customers given p, about p of them buy again. Fitted on
 * out-of-fold predictions of the training snapshot only, stored with the model version (JSON, {@code method} naming
 * the kind) and applied once, in the serving model, to every probability it serves.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
        @JsonSubTypes.Type(value = IsotonicCalibrator.class, name = "ISOTONIC"),
        @JsonSubTypes.Type(value = PlattCalibrator.class, name = "PLATT")})
public sealed interface Calibrator permits IsotonicCalibrator, PlattCalibrator {

    /** The calibrated probability of a raw one; non-decreasing in {@code probability}. */
    double calibrate(double probability);

    CalibrationMethod method();

    default double[] calibrate(double[] probabilities) {
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = calibrate(probabilities[i]);
        }
        return out;
    }
}
