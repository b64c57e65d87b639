package com.commerceinsight.segmentation.clustering;

import java.util.Arrays;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * A two-component principal component projection of the standardised features, fit once on the training points
 * and stored with the model, so every plot of one model uses the same axes.
 *
 * @param mean               the training points' mean (≈ 0 after standardising, kept for exactness)
 * @param components         two unit vectors: the directions of largest variance, first the largest
 * @param explainedVariance  the share of the total variance each component carries
 */
public record Pca(double[] mean, double[][] components, double[] explainedVariance) {

    public static Pca fit(double[][] points) {
        int d = points[0].length;
        double[] mean = new double[d];
        for (double[] point : points) {
            for (int j = 0; j < d; j++) {
                mean[j] += point[j] / points.length;
            }
        }
        RealMatrix covariance = new Covariance(points, false).getCovarianceMatrix();
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double trace = 0;
        for (double value : values) {
            trace += Math.max(0, value);
        }
        int kept = Math.min(2, d);
        double[][] components = new double[kept][];
        double[] explained = new double[kept];
        for (int c = 0; c < kept; c++) {
            double[] vector = eigen.getEigenvector(order[c]).toArray();
            components[c] = withPositiveLargestEntry(vector);
            explained[c] = trace == 0 ? 0 : Math.max(0, values[order[c]]) / trace;
        }
        return new Pca(mean, components, explained);
    }

    public double[] project(double[] point) {
        double[] projected = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            for (int j = 0; j < point.length; j++) {
                projected[c] += (point[j] - mean[j]) * components[c][j];
            }
        }
        return projected;
    }

    /** An eigenvector's sign is arbitrary; fixing it keeps plots of retrained models from flipping needlessly. */
    private static double[] withPositiveLargestEntry(double[] vector) {
        int largest = 0;
        for (int j = 1; j < vector.length; j++) {
            if (Math.abs(vector[j]) > Math.abs(vector[largest])) {
                largest = j;
            }
        }
        if (vector[largest] < 0) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] = -vector[j];
            }
        }
        return vector;
    }
}
