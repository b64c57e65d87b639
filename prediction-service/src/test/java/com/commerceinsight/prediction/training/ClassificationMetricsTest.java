package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Metrics on cases small enough to count by hand. */
class ClassificationMetricsTest {

    @Test
    void rocAucOfPerfectReversedAndTiedRankings() {
        int[] labels = {0, 0, 1, 1};
        assertThat(ClassificationMetrics.rocAuc(labels, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(1);
        assertThat(ClassificationMetrics.rocAuc(labels, new double[] {0.9, 0.8, 0.2, 0.1})).isEqualTo(0);
        assertThat(ClassificationMetrics.rocAuc(labels, new double[] {0.5, 0.5, 0.5, 0.5})).isEqualTo(0.5);
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 1}, new double[] {0.1, 0.2})).isNaN();
    }

    @Test
    void rocAucCountsPairsAndHalfTies() {
        // positives 0.8 and 0.4, negatives 0.6 and 0.2: 3 of the 4 pairs ordered right
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 0, 1, 0}, new double[] {0.8, 0.6, 0.4, 0.2})).isEqualTo(0.75);
        // a positive tied with a negative counts half: pairs (0.7>0.3)=1, (0.7>0.7)=0.5, (0.5>0.3)=1, (0.5<0.7)=0
        assertThat(ClassificationMetrics.rocAuc(new int[] {1, 1, 0, 0}, new double[] {0.7, 0.5, 0.7, 0.3})).isEqualTo(2.5 / 4);
    }

    @Test
    void averagePrecisionIsMeanPrecisionAtEachPositive() {
        // ranking + - + -: precision 1 at the first positive, 2/3 at the second
        assertThat(ClassificationMetrics.averagePrecision(new int[] {1, 0, 1, 0}, new double[] {0.8, 0.6, 0.4, 0.2}))
                .isCloseTo((1 + 2 / 3.0) / 2, within(1e-12));
        assertThat(ClassificationMetrics.averagePrecision(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(1);
    }

    @Test
    void reportAtThresholdMatchesCountsByHand() {
        ClassificationMetrics.Report r = ClassificationMetrics.report(new int[] {1, 0, 1, 0}, new double[] {0.8, 0.6, 0.4, 0.2}, 0.5);
        assertThat(r.confusion()).isEqualTo(new ClassificationMetrics.ConfusionMatrix(1, 1, 1, 1));
        assertThat(r.accuracy()).isEqualTo(0.5);
        assertThat(r.precision()).isEqualTo(0.5);
        assertThat(r.recall()).isEqualTo(0.5);
        assertThat(r.f1()).isEqualTo(0.5);
        assertThat(r.kappa()).isZero();
        assertThat(r.mcc()).isZero();
        assertThat(r.brier()).isCloseTo((0.04 + 0.36 + 0.36 + 0.04) / 4, within(1e-12));
        assertThat(r.customers()).isEqualTo(4);
        assertThat(r.positives()).isEqualTo(2);
    }

    @Test
    void kappaAndMccOfAnUnbalancedMatrix() {
        // tp 3, fn 2, fp 1, tn 4: observed agreement 0.7, chance agreement (4*5 + 6*5)/100 = 0.5
        int[] labels = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
        double[] p = {0.9, 0.9, 0.9, 0.1, 0.1, 0.9, 0.1, 0.1, 0.1, 0.1};
        ClassificationMetrics.Report r = ClassificationMetrics.report(labels, p, 0.5);
        assertThat(r.kappa()).isCloseTo(0.4, within(1e-12));
        assertThat(r.mcc()).isCloseTo(10 / Math.sqrt(600), within(1e-12));
        assertThat(r.perClass().get(0)).isEqualTo(new ClassificationMetrics.ClassReport(0, 4 / 6.0, 0.8, 2 * (4 / 6.0) * 0.8 / (4 / 6.0 + 0.8), 5));
        assertThat(r.perClass().get(1).precision()).isEqualTo(0.75);
        assertThat(r.perClass().get(1).recall()).isEqualTo(0.6);
    }

    @Test
    void thresholdMaximisesF1() {
        // F1 at 0.9, 0.8, 0.7, 0.6, 0.1: 0.5, 0.8, 0.667, 0.857, 0.75
        assertThat(ThresholdSelector.maximiseF1(new int[] {1, 1, 0, 1, 0}, new double[] {0.9, 0.8, 0.7, 0.6, 0.1})).isEqualTo(0.6);
    }
}
