package com.commerceinsight.prediction.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import com.commerceinsight.prediction.calibration.CalibrationReport;
import com.commerceinsight.prediction.calibration.Calibrator;
import com.commerceinsight.prediction.calibration.CalibratorSelection;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;

import ml.dmlc.xgboost4j.java.Booster;

/**
 * Trains one algorithm on the training snapshot (cutoff T - H) and evaluates it honestly: stratified k-fold
 * cross-validation with the preprocessing fitted inside each training fold, the calibrator fitted and the threshold
 * chosen on the pooled out-of-fold predictions (calibrated), then one model fitted on the whole training snapshot and
 * scored once on the test snapshot (cutoff T), which no step before has seen; its probabilities go through that
 * calibrator, as served ones do.
 */
public final class ModelEvaluator {

    /** A trained model, its preprocessing, its calibrator and its report. */
    public record TrainedModel(ModelEvaluation evaluation, FeaturePreprocessor preprocessor, byte[] modelJson, Calibrator calibrator) {
    }

    private final int folds;
    private final long seed;
    private final int threads;

    public ModelEvaluator(int folds, long seed, int threads) {
        this.folds = folds;
        this.seed = seed;
        this.threads = threads;
    }

    /** The out-of-fold probability of every training row and the ROC AUC of each held-out fold. */
    public record CrossValidation(double[] outOfFold, List<Double> foldAucs) {
    }

    /** @param progress receives the share done, 0 to 1 */
    public TrainedModel evaluate(Algorithm algorithm, Snapshot train, Snapshot test, DoubleConsumer progress) {
        long started = System.nanoTime();
        List<String> names = RepurchaseFeature.names();
        Map<String, Object> params = algorithm.parameters(seed, threads);
        CrossValidation cv = crossValidate(algorithm, train, share -> progress.accept(share * folds / (folds + 2)));
        List<Double> foldAucs = cv.foldAucs();
        // the calibrator sees the training snapshot's out-of-fold predictions and nothing else
        CalibratorSelection.Choice calibration = CalibratorSelection.choose(cv.outOfFold(), train.labels(), seed);
        Calibrator calibrator = calibration.calibrator();
        double[] outOfFold = calibrator.calibrate(cv.outOfFold());
        double threshold = ThresholdSelector.maximiseF1(train.labels(), outOfFold);
        ClassificationMetrics.Report crossValidation = ClassificationMetrics.report(train.labels(), outOfFold, threshold);

        FeaturePreprocessor preprocessor = FeaturePreprocessor.fit(train.features(), names.size());
        List<String> selected = preprocessor.selectedNames(names);
        Booster booster = XgbModels.train(preprocessor.transformFlat(train.features()), train.size(), preprocessor.width(),
                train.labels(), params, algorithm.rounds());
        try {
            float[] testRows = preprocessor.transformFlat(test.features());
            double[] rawTestP = XgbModels.predict(booster, testRows, test.size(), preprocessor.width());
            double[] testP = calibrator.calibrate(rawTestP);
            ClassificationMetrics.Report outOfTime = ClassificationMetrics.report(test.labels(), testP, threshold);
            progress.accept((folds + 1.0) / (folds + 2));
            Map<String, Double> gain = XgbModels.gain(booster, selected.toArray(String[]::new));
            Map<String, Double> permutation = PermutationImportance.aucDrops(testRows, test.labels(), selected,
                    rows -> XgbModels.predict(booster, rows, test.size(), preprocessor.width()), 3, seed);
            long millis = (System.nanoTime() - started) / 1_000_000;
            ModelEvaluation evaluation = new ModelEvaluation(algorithm, params, algorithm.rounds(), selected, train.cutoff(),
                    test.cutoff(), train.horizonDays(), threshold, FeatureScores.of(train.features(), names, preprocessor),
                    crossValidation, foldAucs, outOfTime, CalibrationReport.of(calibration, train.size(), test.labels(), rawTestP, testP),
                    EvaluationCurves.of(test.labels(), testP, threshold), gain, permutation, millis);
            progress.accept(1);
            return new TrainedModel(evaluation, preprocessor, XgbModels.toJson(booster), calibrator);
        } finally {
            booster.dispose();
        }
    }

    /**
     * Stratified k-fold cross-validation: each fold predicted by a model fitted, preprocessing included, on the other
     * folds only.
     *
     * @param progress receives the share of folds done, 0 to 1
     */
    public CrossValidation crossValidate(Algorithm algorithm, Snapshot train, DoubleConsumer progress) {
        Map<String, Object> params = algorithm.parameters(seed, threads);
        int[] fold = StratifiedFolds.assign(train.labels(), folds, seed);
        double[] outOfFold = new double[train.size()];
        List<Double> foldAucs = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            Snapshot fitRows = train.rows(StratifiedFolds.rowsWhere(fold, k, false));
            int[] heldOut = StratifiedFolds.rowsWhere(fold, k, true);
            Snapshot heldRows = train.rows(heldOut);
            double[] p = fitAndPredict(fitRows, heldRows, params, algorithm.rounds());
            for (int i = 0; i < heldOut.length; i++) {
                outOfFold[heldOut[i]] = p[i];
            }
            foldAucs.add(ClassificationMetrics.rocAuc(heldRows.labels(), p));
            progress.accept((k + 1.0) / folds);
        }
        return new CrossValidation(outOfFold, foldAucs);
    }

    private double[] fitAndPredict(Snapshot fitRows, Snapshot heldRows, Map<String, Object> params, int rounds) {
        FeaturePreprocessor preprocessor = FeaturePreprocessor.fit(fitRows.features(), RepurchaseFeature.values().length);
        Booster booster = XgbModels.train(preprocessor.transformFlat(fitRows.features()), fitRows.size(), preprocessor.width(),
                fitRows.labels(), params, rounds);
        try {
            return XgbModels.predict(booster, preprocessor.transformFlat(heldRows.features()), heldRows.size(), preprocessor.width());
        } finally {
            booster.dispose();
        }
    }
}
