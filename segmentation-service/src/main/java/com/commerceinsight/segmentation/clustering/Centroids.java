package com.commerceinsight.segmentation.clustering;

/** Nearest-centroid arithmetic in the standardised feature space (Euclidean). */
public final class Centroids {

    private Centroids() {
    }

    public static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    /** The index of the nearest centroid; ties go to the lower index, so assignment is deterministic. */
    public static int nearest(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(point, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    public static int[] assign(double[][] points, double[][] centroids) {
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            labels[i] = nearest(points[i], centroids);
        }
        return labels;
    }

    /** Euclidean distance from the point to each centroid. */
    public static double[] distances(double[] point, double[][] centroids) {
        double[] distances = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            distances[c] = Math.sqrt(squaredDistance(point, centroids[c]));
        }
        return distances;
    }
}
