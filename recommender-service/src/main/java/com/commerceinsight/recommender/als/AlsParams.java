package com.commerceinsight.recommender.als;

/**
 * Hyperparameters of implicit-feedback ALS.
 *
 * @param factors        length of each customer and product vector
 * @param regularization λ, the L2 penalty on every vector
 * @param alpha          confidence slope: an interaction of strength r counts with confidence 1 + alpha·r
 * @param iterations     full sweeps (customers then products)
 * @param cgSteps        conjugate-gradient steps per vector and sweep (warm-started from the previous vector)
 * @param seed           seed of the random initial vectors
 */
public record AlsParams(int factors, double regularization, double alpha, int iterations, int cgSteps, long seed) {

    public AlsParams {
        if (factors < 1 || iterations < 0 || cgSteps < 1 || regularization < 0 || alpha < 0) {
            throw new IllegalArgumentException("invalid ALS parameters " + this);
        }
    }

    public AlsParams withIterations(int newIterations) {
        return new AlsParams(factors, regularization, alpha, newIterations, cgSteps, seed);
    }
}
