package com.commerceinsight.segmentation.features;

import java.util.List;

import org.apache.commons.math3.stat.descriptive.moment.Skewness;

/**
 * Log-transforms the skewed features (log1p, chosen per feature from the training rows' skewness) and standardises
 * every feature to mean 0 and standard deviation 1 over the training rows. Fit on the training snapshot only and
 * stored with the model, so serving transforms a customer exactly as training did.
 *
 * @param logged per feature, whether it is log1p-transformed before standardising
 * @param means  per feature, the mean of the (logged) training values
 * @param stds   per feature, their standard deviation (1 for a constant feature, which then stays at 0)
 */
public record FeatureScaler(List<Feature> features, boolean[] logged, double[] means, double[] stds) {

    /**
     * @param skewThreshold a feature whose sample skewness exceeds this is logged; counts, money and day spans of
     *                      customers are usually right-skewed (a few very large values), which would dominate
     *                      Euclidean distances otherwise
     */
    public static FeatureScaler fit(List<Feature> features, double[][] rawRows, double skewThreshold) {
        int d = features.size();
        boolean[] logged = new boolean[d];
        double[] means = new double[d];
        double[] stds = new double[d];
        for (int j = 0; j < d; j++) {
            double[] column = new double[rawRows.length];
            for (int i = 0; i < rawRows.length; i++) {
                column[i] = rawRows[i][j];
            }
            double skewness = column.length > 2 ? new Skewness().evaluate(column) : 0;
            logged[j] = Double.isFinite(skewness) && skewness > skewThreshold;
            double sum = 0;
            for (int i = 0; i < column.length; i++) {
                column[i] = transform(column[i], logged[j]);
                sum += column[i];
            }
            means[j] = column.length == 0 ? 0 : sum / column.length;
            double squares = 0;
            for (double value : column) {
                squares += (value - means[j]) * (value - means[j]);
            }
            double std = column.length == 0 ? 0 : Math.sqrt(squares / column.length);
            stds[j] = std > 1e-12 ? std : 1;
        }
        return new FeatureScaler(List.copyOf(features), logged, means, stds);
    }

    public double[] standardize(double[] raw) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = (transform(raw[j], logged[j]) - means[j]) / stds[j];
        }
        return z;
    }

    public double[][] standardizeAll(double[][] rawRows) {
        double[][] z = new double[rawRows.length][];
        for (int i = 0; i < rawRows.length; i++) {
            z[i] = standardize(rawRows[i]);
        }
        return z;
    }

    /** The raw feature values of a standardised point (a centroid, for instance), in the features' own units. */
    public double[] toRaw(double[] z) {
        double[] raw = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            double scaled = z[j] * stds[j] + means[j];
            raw[j] = logged[j] ? Math.expm1(scaled) : scaled;
        }
        return raw;
    }

    /** The position of a feature, or -1 when the model does not use it. */
    public int indexOf(Feature feature) {
        return features.indexOf(feature);
    }

    private static double transform(double value, boolean log) {
        return log ? Math.log1p(Math.max(0, value)) : value;
    }
}
