package com.commerceinsight.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.junit.jupiter.api.Test;

class WithinClusterSquaresTest {

    @Test
    void scoresARunByItsSumOfSquaredDistancesToTheCentres() {
        CentroidCluster<DoublePoint> small = cluster(0.5, 0, 1);
        CentroidCluster<DoublePoint> large = cluster(12, 10, 11, 15);
        // (0.25 + 0.25) + (4 + 1 + 9)
        assertThat(new WithinClusterSquares().score(List.of(small, large))).isCloseTo(14.5, within(1e-12));
        assertThat(new WithinClusterSquares().isBetterScore(1, 2)).isTrue();
    }

    private static CentroidCluster<DoublePoint> cluster(double centre, double... points) {
        CentroidCluster<DoublePoint> cluster = new CentroidCluster<>(new DoublePoint(new double[] { centre }));
        for (double point : points) {
            cluster.addPoint(new DoublePoint(new double[] { point }));
        }
        return cluster;
    }
}
