package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.commerceinsight.prediction.calibration.CalibrationReport;

/**
 * The report of one trained algorithm: what was trained on what, how it scored in cross-validation on the
 * training snapshot and out of time on the later snapshot, and what it relies on.
 *
 * @param trainCutoff      T - H: features before it, labels in (T - H, T]
 * @param testCutoff       T: features before it, labels in (T, T + H]
 * @param threshold        chosen on the calibrated out-of-fold predictions (maximum F1)
 * @param crossValidation  pooled out-of-fold predictions of the training snapshot, calibrated, at the chosen threshold
 *                         (the calibrator was fitted on these very rows: its Brier score flatters; the honest ones are in
 *                         {@code calibration})
 * @param foldRocAucs      ROC AUC of each fold, raw probabilities
 * @param outOfTime        the test snapshot, scored by the model fitted on the whole training snapshot, calibrated
 * @param calibration      the calibrator's choice, Brier scores and reliability curves before and after it
 * @param curves           ROC and precision-recall curves and the confusion matrix of the out-of-time test, calibrated
 * @param gainImportance   XGBoost total gain per feature on the final model
 * @param permutationImportance mean ROC AUC drop on the test snapshot when the feature is shuffled
 */
public record ModelEvaluation(Algorithm algorithm, Map<String, Object> parameters, int rounds, List<String> features,
                              LocalDateTime trainCutoff, LocalDateTime testCutoff, int horizonDays, double threshold,
                              List<FeatureScores.Score> featureScores, ClassificationMetrics.Report crossValidation,
                              List<Double> foldRocAucs, ClassificationMetrics.Report outOfTime, CalibrationReport calibration,
                              EvaluationCurves curves,
                              Map<String, Double> gainImportance, Map<String, Double> permutationImportance,
                              long trainingMillis) {
}
