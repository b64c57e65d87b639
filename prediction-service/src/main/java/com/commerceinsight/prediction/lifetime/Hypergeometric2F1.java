package com.commerceinsight.prediction.lifetime;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 by its power series, as the {@code lifetimes}
 * library computes it. Neither commons-math3 nor Hipparchus has it, and the BG/NBD needs it only on [0, 1) where the
 * series converges (geometrically, like z^n); {@link BgNbdModel} calls it on Euler-transformed arguments, which keep
 * its terms small however many purchases a customer made.
 */
public final class Hypergeometric2F1 {

    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric2F1() {
    }

    /** 2F1(a, b; c; z); NaN when c is 0 or a negative integer, or when the series does not settle. */
    public static double value(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("z must lie in [0, 1): " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            double denominator = (c + n) * (n + 1);
            if (denominator == 0) {
                return Double.NaN;
            }
            term *= (a + n) * (b + n) / denominator * z;
            sum += term;
            if (Math.abs(term) <= 1e-16 * Math.abs(sum)) {
                return sum;
            }
        }
        return Double.NaN;
    }
}
