package com.commerceinsight.prediction.calibration;

/** Figures of curves kept to four decimals: the JSON stays small and a chart cannot show more. */
public final class Rounding {

    private Rounding() {
    }

    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
