package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** ROC and precision-recall points against hand-worked cases, and the thinned curves against the exact figures. */
class EvaluationCurvesTest {

    @Test
    void smallCaseAsWorkedByHand() {
        // scores 0.9 (1), 0.8 (0), 0.8 (1), 0.3 (0): one point per distinct score, ties taken together
        EvaluationCurves curves = EvaluationCurves.of(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.8, 0.8, 0.3}, 0.8);
        assertThat(curves.roc()).containsExactly(new double[] {0, 0}, new double[] {0, 0.5}, new double[] {0.5, 1}, new double[] {1, 1});
        assertThat(curves.precisionRecall()).containsExactly(new double[] {0.5, 1}, new double[] {1, 0.6667}, new double[] {1, 0.5});
        assertThat(EvaluationCurves.area(curves.roc())).isEqualTo(0.875);
        assertThat(curves.confusion()).isEqualTo(new ClassificationMetrics.ConfusionMatrix(2, 1, 1, 0));
        assertThat(curves.threshold()).isEqualTo(0.8);
    }

    @Test
    void thinnedCurvesRunCornerToCornerAndKeepTheArea() {
        Random random = new Random(17);
        int n = 5_000;
        int[] labels = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3) == 0 ? 1 : 0;
            scores[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + 1.2 * labels[i])));
        }
        EvaluationCurves curves = EvaluationCurves.of(labels, scores, 0.4);
        for (List<double[]> curve : List.of(curves.roc(), curves.precisionRecall())) {
            assertThat(curve.size()).isBetween(50, EvaluationCurves.MAX_POINTS + 1);
        }
        assertThat(curves.roc().get(0)).containsExactly(0, 0);
        assertThat(curves.roc().get(curves.roc().size() - 1)).containsExactly(1, 1);
        double[] lastPr = curves.precisionRecall().get(curves.precisionRecall().size() - 1);
        assertThat(lastPr[0]).isEqualTo(1.0);
        assertThat(lastPr[1]).as("precision at the lowest threshold is the base rate").isCloseTo(
                java.util.Arrays.stream(labels).sum() / (double) n, within(1e-4));
        for (int i = 1; i < curves.roc().size(); i++) {
            assertThat(curves.roc().get(i)[0]).isGreaterThanOrEqualTo(curves.roc().get(i - 1)[0]);
            assertThat(curves.roc().get(i)[1]).isGreaterThanOrEqualTo(curves.roc().get(i - 1)[1]);
        }
        // a curve of 100 points whose steps are at most 0.02 long misses at most a few thousandths of area
        assertThat(EvaluationCurves.area(curves.roc())).isCloseTo(ClassificationMetrics.rocAuc(labels, scores), within(0.003));
    }
}
