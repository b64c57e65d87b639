package com.commerceinsight.prediction.calibration;

import java.util.List;

import com.commerceinsight.prediction.training.ClassificationMetrics;

/**
 * What calibration did: the method chosen on the out-of-fold predictions and what both methods scored there, then the
 * out-of-time test before and after it (the test chose nothing) and its reliability curves.
 *
 * @param method                      the calibrator stored with the model and applied to every served probability
 * @param outOfFoldRows               rows it was fitted on: the training snapshot's out-of-fold predictions
 * @param outOfFoldBrierUncalibrated  Brier score of those predictions as the model gave them
 * @param candidates                  each method's cross-fitted Brier score on them; the lowest wins
 * @param outOfTimeBrierBefore        Brier score on the test snapshot, raw probabilities
 * @param outOfTimeBrierAfter         the same, calibrated
 * @param outOfTimeRocAucBefore       ROC AUC on the test snapshot, raw (isotonic steps can tie scores and move it a little)
 * @param outOfTimeRocAucAfter        the same, calibrated
 * @param reliabilityBefore           ten bins of the raw test probabilities
 * @param reliabilityAfter            ten bins of the calibrated ones
 */
public record CalibrationReport(CalibrationMethod method, int outOfFoldRows, double outOfFoldBrierUncalibrated,
                                List<CalibratorSelection.Candidate> candidates, double outOfTimeBrierBefore,
                                double outOfTimeBrierAfter, double outOfTimeRocAucBefore, double outOfTimeRocAucAfter,
                                List<ReliabilityCurve.Bin> reliabilityBefore, List<ReliabilityCurve.Bin> reliabilityAfter) {

    public static CalibrationReport of(CalibratorSelection.Choice choice, int outOfFoldRows, int[] testLabels, double[] rawTest,
                                       double[] calibratedTest) {
        return new CalibrationReport(choice.calibrator().method(), outOfFoldRows, choice.uncalibratedBrier(), choice.candidates(),
                ClassificationMetrics.brier(testLabels, rawTest), ClassificationMetrics.brier(testLabels, calibratedTest),
                ClassificationMetrics.rocAuc(testLabels, rawTest), ClassificationMetrics.rocAuc(testLabels, calibratedTest),
                ReliabilityCurve.of(testLabels, rawTest), ReliabilityCurve.of(testLabels, calibratedTest));
    }
}
