package com.commerceinsight.segmentation.clustering;

import java.util.Arrays;
import java.util.Random;

/**
 * Internal quality measures of a clustering. commons-math offers none of them (only a sum of cluster variances),
 * so they are written here from their definitions.
 */
public final class ClusterQuality {

    private ClusterQuality() {
    }

    /** Within-cluster sum of squared distances to the centroids (what k-means minimises). */
    public static double inertia(double[][] points, int[] labels, double[][] centroids) {
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            sum += Centroids.squaredDistance(points[i], centroids[labels[i]]);
        }
        return sum;
    }

    /**
     * Mean silhouette (Rousseeuw 1987): per point s = (b - a) / max(a, b), a its mean distance to the rest of its
     * cluster, b its smallest mean distance to another cluster; 0 for a point alone in its cluster. O(n²): callers
     * pass a sample for large n.
     */
    public static double silhouette(double[][] points, int[] labels, int k) {
        int n = points.length;
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[labels[j]] += Math.sqrt(Centroids.squaredDistance(points[i], points[j]));
                }
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (Double.isInfinite(b)) {
                continue; // a single non-empty cluster: silhouette is undefined, counted as 0
            }
            double denominator = Math.max(a, b);
            total += denominator == 0 ? 0 : (b - a) / denominator;
        }
        return n == 0 ? 0 : total / n;
    }

    /**
     * The silhouette of a seeded uniform sample of at most sampleSize points (all points when n is smaller):
     * an estimate whose error shrinks as 1/sqrt(sampleSize), at O(sampleSize²) instead of O(n²).
     */
    public static double sampledSilhouette(double[][] points, int[] labels, int k, int sampleSize, long seed) {
        if (points.length <= sampleSize) {
            return silhouette(points, labels, k);
        }
        int[] chosen = Sampling.indices(points.length, sampleSize, new Random(seed));
        double[][] sample = new double[chosen.length][];
        int[] sampleLabels = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            sample[i] = points[chosen[i]];
            sampleLabels[i] = labels[chosen[i]];
        }
        return silhouette(sample, sampleLabels, k);
    }

    /**
     * Davies–Bouldin index: the mean over clusters of max over others of (s_i + s_j) / d(c_i, c_j), s the mean
     * distance of a cluster's points to its centroid. Lower is better; empty clusters are left out.
     */
    public static double daviesBouldin(double[][] points, int[] labels, double[][] centroids) {
        int k = centroids.length;
        double[] scatter = new double[k];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            scatter[labels[i]] += Math.sqrt(Centroids.squaredDistance(points[i], centroids[labels[i]]));
            sizes[labels[i]]++;
        }
        int clusters = 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (sizes[i] == 0) {
                continue;
            }
            double worst = 0;
            for (int j = 0; j < k; j++) {
                if (j != i && sizes[j] > 0) {
                    double separation = Math.sqrt(Centroids.squaredDistance(centroids[i], centroids[j]));
                    worst = Math.max(worst, (scatter[i] / sizes[i] + scatter[j] / sizes[j]) / separation);
                }
            }
            sum += worst;
            clusters++;
        }
        return clusters == 0 ? 0 : sum / clusters;
    }
}
