package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.calibration.CalibratorSelection;
import com.commerceinsight.prediction.calibration.ReliabilityCurve;
import com.commerceinsight.prediction.features.Snapshot;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calibrator comes from the training snapshot's out-of-fold predictions and nothing else: the same training
 * snapshot with two different test snapshots gives the same calibrator and threshold, and that calibrator is the one
 * fitted on the cross-validation's out-of-fold predictions alone. The report holds the Brier scores and reliability
 * curves before and after, and the curves, all from the calibrated test probabilities.
 */
class CalibrationProtocolTest {

    @Test
    void calibratorIsFittedOnOutOfFoldPredictionsOnly() throws Exception {
        ModelEvaluator evaluator = new ModelEvaluator(3, 11, 1);
        Snapshot train = ModelEvaluatorTest.planted(900, 21, false);
        ModelEvaluator.TrainedModel onOneTest = evaluator.evaluate(Algorithm.GRADIENT_BOOSTED_TREES, train,
                ModelEvaluatorTest.planted(600, 22, false), share -> { });
        // a test snapshot of other customers with shuffled labels: any use of it would move the calibrator
        ModelEvaluator.TrainedModel onAnotherTest = evaluator.evaluate(Algorithm.GRADIENT_BOOSTED_TREES, train,
                ModelEvaluatorTest.planted(600, 23, true), share -> { });
        ObjectMapper json = new ObjectMapper();
        String calibrator = json.writeValueAsString(onOneTest.calibrator());
        assertThat(json.writeValueAsString(onAnotherTest.calibrator())).isEqualTo(calibrator);
        assertThat(onAnotherTest.evaluation().threshold()).isEqualTo(onOneTest.evaluation().threshold());

        ModelEvaluator.CrossValidation cv = evaluator.crossValidate(Algorithm.GRADIENT_BOOSTED_TREES, train, share -> { });
        CalibratorSelection.Choice fromOutOfFold = CalibratorSelection.choose(cv.outOfFold(), train.labels(), 11);
        assertThat(json.writeValueAsString(fromOutOfFold.calibrator())).isEqualTo(calibrator);
        // the threshold is chosen on the calibrated out-of-fold scores
        assertThat(onOneTest.evaluation().threshold())
                .isEqualTo(ThresholdSelector.maximiseF1(train.labels(), fromOutOfFold.calibrator().calibrate(cv.outOfFold())));
    }

    @Test
    void reportShowsBrierAndReliabilityBeforeAndAfterAndTheCurves() {
        ModelEvaluator evaluator = new ModelEvaluator(3, 11, 1);
        Snapshot test = ModelEvaluatorTest.planted(800, 32, false);
        ModelEvaluator.TrainedModel trained = evaluator.evaluate(Algorithm.RANDOM_FOREST, ModelEvaluatorTest.planted(1200, 31, false),
                test, share -> { });
        ModelEvaluation e = trained.evaluation();
        var calibration = e.calibration();
        assertThat(calibration.method()).isEqualTo(trained.calibrator().method());
        assertThat(calibration.outOfFoldRows()).isEqualTo(1200);
        assertThat(calibration.candidates()).hasSize(2);
        assertThat(calibration.outOfTimeBrierAfter()).isCloseTo(e.outOfTime().brier(), within(1e-12));
        assertThat(calibration.outOfTimeRocAucAfter()).isCloseTo(e.outOfTime().rocAuc(), within(1e-12));
        assertThat(calibration.outOfTimeBrierBefore()).isNotEqualTo(calibration.outOfTimeBrierAfter());
        for (var bins : java.util.List.of(calibration.reliabilityBefore(), calibration.reliabilityAfter())) {
            assertThat(bins).hasSize(ReliabilityCurve.BINS);
            assertThat(bins.stream().mapToLong(ReliabilityCurve.Bin::count).sum()).isEqualTo(800);
        }
        assertThat(e.curves().confusion()).isEqualTo(e.outOfTime().confusion());
        assertThat(EvaluationCurves.area(e.curves().roc())).isCloseTo(e.outOfTime().rocAuc(), within(0.005));
    }
}
