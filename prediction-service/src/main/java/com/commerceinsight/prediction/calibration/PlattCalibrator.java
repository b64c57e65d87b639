package com.commerceinsight.prediction.calibration;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Platt scaling: calibrated = 1 / (1 + exp(-(slope * logit(p) + intercept))), the logistic regression of the label on
 * the model's log-odds. Fitted by Newton's method with step halving on the log loss, with Platt's smoothed targets
 * ((positives + 1) / (positives + 2) and 1 / (negatives + 2)) so that separable data keeps finite parameters; two
 * parameters need no optimisation library.
 */
public record PlattCalibrator(double slope, double intercept) implements Calibrator {

    /** Raw probabilities are kept this far from 0 and 1 so that their log-odds stay finite. */
    private static final double EDGE = 1e-7;
    private static final int MAX_ITERATIONS = 100;

    public static PlattCalibrator fit(double[] rawProbabilities, int[] labels) {
        int n = labels.length;
        double positives = 0;
        for (int label : labels) {
            positives += label;
        }
        double negatives = n - positives;
        double high = (positives + 1) / (positives + 2);
        double low = 1 / (negatives + 2);
        double[] z = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = logit(rawProbabilities[i]);
            t[i] = labels[i] == 1 ? high : low;
        }
        double a = 1;
        double b = 0;
        double loss = logLoss(z, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * z[i] + b);
                double residual = p - t[i];
                double w = Math.max(p * (1 - p), 1e-12);
                ga += residual * z[i];
                gb += residual;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double determinant = haa * hbb - hab * hab;
            if (Math.abs(ga) + Math.abs(gb) < 1e-9 * n || determinant <= 0) {
                break;
            }
            double stepA = (hbb * ga - hab * gb) / determinant;
            double stepB = (haa * gb - hab * ga) / determinant;
            double scale = 1;
            double next = logLoss(z, t, a - stepA, b - stepB);
            while (next > loss && scale > 1e-8) {
                scale /= 2;
                next = logLoss(z, t, a - scale * stepA, b - scale * stepB);
            }
            if (next > loss) {
                break;
            }
            a -= scale * stepA;
            b -= scale * stepB;
            boolean converged = loss - next < 1e-12 * n;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new PlattCalibrator(a, b);
    }

    @Override
    public double calibrate(double probability) {
        return sigmoid(slope * logit(probability) + intercept);
    }

    @Override
    @JsonIgnore
    public CalibrationMethod method() {
        return CalibrationMethod.PLATT;
    }

    static double logit(double probability) {
        double p = Math.min(Math.max(probability, EDGE), 1 - EDGE);
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double logLoss(double[] z, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double x = a * z[i] + b;
            // log(1 + e^x) - t x, written to stay finite for large |x|
            sum += Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))) - t[i] * x;
        }
        return sum;
    }
}
