package com.commerceinsight.analytics.generator;

import java.util.SplittableRandom;

/** The distributions the generative story draws from, all from one seeded stream so a run is reproducible. */
final class RandomVariates {

    private RandomVariates() {
    }

    /** Gamma(shape, scale) by Marsaglia and Tsang; shape below 1 through the boost Gamma(a) = Gamma(a+1) * U^(1/a). */
    static double gamma(SplittableRandom rng, double shape, double scale) {
        if (shape < 1) {
            return gamma(rng, shape + 1, scale) * Math.pow(uniformOpen(rng), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniformOpen(rng);
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * scale;
            }
        }
    }

    /** A Dirichlet(alpha, ..., alpha) vector of the given length. */
    static double[] dirichlet(SplittableRandom rng, int length, double alpha) {
        double[] weights = new double[length];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            weights[i] = gamma(rng, alpha, 1);
            sum += weights[i];
        }
        for (int i = 0; i < length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    static double exponential(SplittableRandom rng, double mean) {
        return -Math.log(uniformOpen(rng)) * mean;
    }

    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** Poisson by multiplying uniforms (Knuth); the means used here are small. */
    static int poisson(SplittableRandom rng, double mean) {
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            count++;
        }
        return count;
    }

    /** 1 + the number of successes before the first failure, capped: a geometric count starting at 1. */
    static int geometricFromOne(SplittableRandom rng, double continueProbability, int max) {
        int count = 1;
        while (count < max && rng.nextDouble() < continueProbability) {
            count++;
        }
        return count;
    }

    static double uniform(SplittableRandom rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    /** A uniform in (0, 1), safe for logarithms. */
    private static double uniformOpen(SplittableRandom rng) {
        double u;
        do {
            u = rng.nextDouble();
        } while (u == 0);
        return u;
    }
}
