package com.commerceinsight.segmentation.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;

/** Centroids given directly as standardised scores (an identity scaler): recency, frequency, monetary, tenure. */
class SegmentNamerTest {

    private static final FeatureScaler IDENTITY = new FeatureScaler(
            List.of(Feature.RECENCY_DAYS, Feature.FREQUENCY, Feature.MONETARY, Feature.TENURE_DAYS),
            new boolean[4], new double[4], new double[] { 1, 1, 1, 1 });

    @Test
    void eachRegionOfTheRulesGetsItsName() {
        assertThat(name(-1, 1, 1, 0)).isEqualTo("Champions");
        assertThat(name(-1, 1, -0.5, 0)).isEqualTo("Loyal");
        assertThat(name(-1, -1, -1, -1)).isEqualTo("New");
        assertThat(name(-1, 0, 0, 0.5)).isEqualTo("Potential loyalists");
        assertThat(name(1, 1, 1, 0)).isEqualTo("Can't lose them");
        assertThat(name(1, 0.2, -1, 0)).isEqualTo("At risk");
        assertThat(name(0.5, -1, -1, 0)).isEqualTo("Hibernating");
        assertThat(name(2, -1, -1, 0)).isEqualTo("Lost");
    }

    @Test
    void twoClustersWithTheSameNameAreNumberedByMonetary() {
        double[][] centroids = { { 2, -1, -2, 0 }, { -1, 1, 1, 0 }, { 2, -1, -1, 0 } };
        assertThat(SegmentNamer.names(centroids, IDENTITY)).containsExactly("Lost (2)", "Champions", "Lost");
    }

    private static String name(double recency, double frequency, double monetary, double tenure) {
        return SegmentNamer.name(new double[] { recency, frequency, monetary, tenure }, IDENTITY);
    }
}
