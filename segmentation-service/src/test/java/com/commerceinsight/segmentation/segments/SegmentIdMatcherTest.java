package com.commerceinsight.segmentation.segments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentIdMatcherTest {

    private static final double[][] PREVIOUS = { { 0, 0 }, { 5, 0 }, { 0, 5 } };
    private static final int[] PREVIOUS_IDS = { 3, 1, 7 };

    @Test
    void shuffledSlightlyMovedCentroidsKeepTheirIds() {
        double[][] current = { { 0.2, 4.8 }, { -0.1, 0.3 }, { 5.4, 0.1 } };
        assertThat(SegmentIdMatcher.match(current, PREVIOUS, PREVIOUS_IDS, 8)).containsExactly(7, 3, 1);
    }

    @Test
    void anExtraClusterGetsAFreshIdAndTheClosestPairWinsAContestedOldCluster() {
        // both new clusters near {5, 0}: the closer one (5.1) keeps id 1, the other is new
        double[][] current = { { 6, 0 }, { 5.1, 0 }, { 0, 0 }, { 0, 5 } };
        assertThat(SegmentIdMatcher.match(current, PREVIOUS, PREVIOUS_IDS, 8)).containsExactly(8, 1, 3, 7);
    }

    @Test
    void fewerClustersRetireTheUnmatchedIds() {
        double[][] current = { { 0, 4 }, { 4, 0 } };
        assertThat(SegmentIdMatcher.match(current, PREVIOUS, PREVIOUS_IDS, 8)).containsExactly(7, 1);
    }

    @Test
    void withoutAPreviousModelIdsAreNumberedFromTheFirstFreeOne() {
        assertThat(SegmentIdMatcher.match(new double[][] { { 1 }, { 2 } }, new double[0][], new int[0], 1))
                .containsExactly(1, 2);
    }
}
