package com.commerceinsight.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void scalerFitsOnTheRowsItIsGivenAndDropsConstantColumns() {
        double[][] train = {{1, 5, 7}, {3, 5, Double.NaN}, {2, 5, 9}};
        FeaturePreprocessor p = FeaturePreprocessor.fit(train, 3);
        assertThat(p.selected()).containsExactly(0, 2);
        assertThat(p.transform(new double[] {2, 5, 9})).containsExactly(0.5f, 1f);
        assertThat(p.transform(new double[] {5, 0, Double.NaN})[0]).isEqualTo(2f); // beyond the training range: not clipped
        assertThat(p.transform(new double[] {5, 0, Double.NaN})[1]).isNaN();
        assertThat(p.selectedNames(List.of("a", "b", "c"))).containsExactly("a", "c");
    }

    @Test
    void varianceAndEntropyByHand() {
        assertThat(FeatureScores.variance(new double[] {0, 1, Double.NaN})).isEqualTo(0.25);
        // two equally full bins: one bit; one bin: zero
        assertThat(FeatureScores.entropyBits(new double[] {0.05, 0.05, 0.95, 0.95})).isCloseTo(1, within(1e-12));
        assertThat(FeatureScores.entropyBits(new double[] {0.3, 0.3})).isZero();
        // four distinct bins (NaN is one): two bits
        assertThat(FeatureScores.entropyBits(new double[] {0, 0.5, 1, Double.NaN})).isCloseTo(2, within(1e-12));
    }

    @Test
    void stratifiedFoldsKeepTheClassShare() {
        int[] labels = new int[100];
        for (int i = 0; i < 30; i++) {
            labels[i] = 1;
        }
        int[] fold = StratifiedFolds.assign(labels, 10, 7);
        for (int k = 0; k < 10; k++) {
            int[] rows = StratifiedFolds.rowsWhere(fold, k, true);
            assertThat(rows).hasSize(10);
            assertThat(java.util.Arrays.stream(rows).map(r -> labels[r]).sum()).isEqualTo(3);
        }
    }
}
