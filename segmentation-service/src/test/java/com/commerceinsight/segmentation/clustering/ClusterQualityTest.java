package com.commerceinsight.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Quality measures on a hand-checked example: two pairs on a line, {0, 1} and {10, 11}. */
class ClusterQualityTest {

    private static final double[][] POINTS = { { 0 }, { 1 }, { 10 }, { 11 } };
    private static final int[] LABELS = { 0, 0, 1, 1 };
    private static final double[][] CENTROIDS = { { 0.5 }, { 10.5 } };

    @Test
    void silhouetteOfTwoPairsMatchesTheHandComputation() {
        // point 0: a = 1, b = (10 + 11) / 2 = 10.5; point 1: a = 1, b = (9 + 10) / 2 = 9.5; the other pair mirrors them
        double expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
        assertThat(ClusterQuality.silhouette(POINTS, LABELS, 2)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void silhouetteOfAWrongSplitIsNegative() {
        assertThat(ClusterQuality.silhouette(POINTS, new int[] { 0, 1, 0, 1 }, 2)).isNegative();
    }

    @Test
    void daviesBouldinOfTwoPairsIsScatterOverSeparation() {
        // each cluster's mean distance to its centroid is 0.5; the centroids are 10 apart: (0.5 + 0.5) / 10
        assertThat(ClusterQuality.daviesBouldin(POINTS, LABELS, CENTROIDS)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesToCentroids() {
        assertThat(ClusterQuality.inertia(POINTS, LABELS, CENTROIDS)).isCloseTo(4 * 0.25, within(1e-12));
    }

    @Test
    void sampledSilhouetteOfALargeWellSeparatedSetIsCloseToOne() {
        Random random = new Random(3);
        double[][] points = new double[5_000][];
        int[] labels = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            labels[i] = i % 2;
            points[i] = new double[] { labels[i] * 100 + random.nextGaussian(), random.nextGaussian() };
        }
        assertThat(ClusterQuality.sampledSilhouette(points, labels, 2, 500, 1)).isGreaterThan(0.95);
    }

    @Test
    void samplingDrawsDistinctSortedIndices() {
        int[] chosen = Sampling.indices(1_000, 100, new Random(9));
        assertThat(chosen).hasSize(100).isSorted().doesNotHaveDuplicates();
        assertThat(chosen[0]).isNotNegative();
        assertThat(chosen[99]).isLessThan(1_000);
        assertThat(Sampling.indices(1_000, 100, new Random(9))).isEqualTo(chosen);
    }
}
