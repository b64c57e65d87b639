package com.commerceinsight.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void firstComponentFollowsTheLineThePointsLieOn() {
        Random random = new Random(5);
        double[][] points = new double[500][];
        for (int i = 0; i < points.length; i++) {
            double t = random.nextGaussian();
            points[i] = new double[] { t, 2 * t, 0.001 * random.nextGaussian() };
        }
        Pca pca = Pca.fit(points);
        // the line's direction (1, 2, 0) / sqrt(5), sign fixed so the largest entry is positive
        assertThat(pca.components()[0][0]).isCloseTo(1 / Math.sqrt(5), within(1e-3));
        assertThat(pca.components()[0][1]).isCloseTo(2 / Math.sqrt(5), within(1e-3));
        assertThat(pca.explainedVariance()[0]).isGreaterThan(0.999);
        // a point's first coordinate is its signed distance along the line from the mean
        double[] projected = pca.project(new double[] { pca.mean()[0] + 1, pca.mean()[1] + 2, pca.mean()[2] });
        assertThat(projected[0]).isCloseTo(Math.sqrt(5), within(1e-3));
    }
}
