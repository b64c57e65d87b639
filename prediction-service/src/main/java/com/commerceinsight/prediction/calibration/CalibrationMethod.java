package com.commerceinsight.prediction.calibration;

/** The two calibrators a training compares on its out-of-fold predictions. */
public enum CalibrationMethod {
    /** Pool-adjacent-violators: any monotone shape, needs a few hundred rows. */
    ISOTONIC,
    /** A logistic curve on the log-odds (Platt scaling): two parameters, smooth, keeps the ranking exactly. */
    PLATT;

    /** Fits this method on scores and their 0/1 labels. */
    public Calibrator fit(double[] probabilities, int[] labels) {
        return switch (this) {
            case ISOTONIC -> IsotonicCalibrator.fit(probabilities, labels);
            case PLATT -> PlattCalibrator.fit(probabilities, labels);
        };
    }
}
