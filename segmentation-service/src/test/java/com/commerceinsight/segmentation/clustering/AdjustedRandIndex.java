package com.commerceinsight.segmentation.clustering;

/** The adjusted Rand index of two labelings, written for the tests independently of the code under test. */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    /** Hubert and Arabie's ARI from the contingency table: (index - expected) / (max - expected). */
    public static double of(int[] a, int[] b) {
        int maxA = 0;
        int maxB = 0;
        for (int i = 0; i < a.length; i++) {
            maxA = Math.max(maxA, a[i]);
            maxB = Math.max(maxB, b[i]);
        }
        long[][] table = new long[maxA + 1][maxB + 1];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
        }
        double index = 0;
        double rows = 0;
        double columns = 0;
        for (int i = 0; i <= maxA; i++) {
            long rowSum = 0;
            for (int j = 0; j <= maxB; j++) {
                index += pairs(table[i][j]);
                rowSum += table[i][j];
            }
            rows += pairs(rowSum);
        }
        for (int j = 0; j <= maxB; j++) {
            long columnSum = 0;
            for (int i = 0; i <= maxA; i++) {
                columnSum += table[i][j];
            }
            columns += pairs(columnSum);
        }
        double expected = rows * columns / pairs(a.length);
        return (index - expected) / ((rows + columns) / 2 - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
