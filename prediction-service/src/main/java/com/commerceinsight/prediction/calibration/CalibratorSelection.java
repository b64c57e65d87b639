package com.commerceinsight.prediction.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.commerceinsight.prediction.training.ClassificationMetrics;
import com.commerceinsight.prediction.training.StratifiedFolds;

/**
 * Chooses between isotonic and Platt calibration on out-of-fold predictions alone: each method is cross-fitted on
 * them (fitted on k - 1 parts, applied to the part left out), the one with the lower Brier score wins and is refitted
 * on all of them. The caller hands in nothing but the training snapshot's out-of-fold scores and labels, so no test
 * row can reach the fit.
 */
public final class CalibratorSelection {

    /** Parts of the out-of-fold rows the methods are compared on. */
    public static final int FOLDS = 5;

    private CalibratorSelection() {
    }

    /** One method's Brier score on the out-of-fold rows when each part is calibrated by a fit on the others. */
    public record Candidate(CalibrationMethod method, double crossFittedBrier) {
    }

    /** The winner refitted on every out-of-fold row, and what each method scored. */
    public record Choice(Calibrator calibrator, double uncalibratedBrier, List<Candidate> candidates) {
    }

    public static Choice choose(double[] outOfFold, int[] labels, long seed) {
        int[] part = StratifiedFolds.assign(labels, FOLDS, seed);
        List<Candidate> candidates = new ArrayList<>();
        for (CalibrationMethod method : CalibrationMethod.values()) {
            double[] crossFitted = new double[labels.length];
            for (int k = 0; k < FOLDS; k++) {
                int[] fitRows = StratifiedFolds.rowsWhere(part, k, false);
                int[] heldOut = StratifiedFolds.rowsWhere(part, k, true);
                Calibrator calibrator = method.fit(select(outOfFold, fitRows), select(labels, fitRows));
                for (int row : heldOut) {
                    crossFitted[row] = calibrator.calibrate(outOfFold[row]);
                }
            }
            candidates.add(new Candidate(method, ClassificationMetrics.brier(labels, crossFitted)));
        }
        CalibrationMethod best = candidates.stream().min(Comparator.comparingDouble(Candidate::crossFittedBrier)).orElseThrow().method();
        return new Choice(best.fit(outOfFold, labels), ClassificationMetrics.brier(labels, outOfFold), List.copyOf(candidates));
    }

    private static double[] select(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static int[] select(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
