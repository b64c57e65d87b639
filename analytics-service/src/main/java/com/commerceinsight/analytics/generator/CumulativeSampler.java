package com.commerceinsight.analytics.generator;

import java.util.SplittableRandom;

/** Draws an index with probability proportional to its weight (cumulative weights and a binary search). */
final class CumulativeSampler {

    private final double[] cumulative;

    CumulativeSampler(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    int draw(SplittableRandom rng) {
        double target = rng.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
