package com.commerceinsight.segmentation.clustering;

import java.util.Arrays;
import java.util.Random;

/** Seeded uniform sampling without replacement, so a run with the same seed sees the same sample. */
public final class Sampling {

    private Sampling() {
    }

    /** sampleSize distinct indices of 0..n-1 in ascending order (all of them when n ≤ sampleSize). */
    public static int[] indices(int n, int sampleSize, Random random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= sampleSize) {
            return all;
        }
        for (int i = 0; i < sampleSize; i++) { // partial Fisher–Yates
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, sampleSize);
        Arrays.sort(chosen);
        return chosen;
    }
}
