package com.commerceinsight.prediction.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReliabilityCurveTest {

    @Test
    void tenBinsWithMeanPredictionObservedRateAndCount() {
        double[] p = {0.05, 0.05, 0.15, 0.95, 1.0, 0.55};
        int[] y = {0, 1, 0, 1, 1, 0};
        List<ReliabilityCurve.Bin> bins = ReliabilityCurve.of(y, p);
        assertThat(bins).hasSize(10);
        assertThat(bins.get(0)).isEqualTo(new ReliabilityCurve.Bin(0.0, 0.1, 0.05, 0.5, 2));
        assertThat(bins.get(1)).isEqualTo(new ReliabilityCurve.Bin(0.1, 0.2, 0.15, 0.0, 1));
        assertThat(bins.get(2)).as("an empty bin").isEqualTo(new ReliabilityCurve.Bin(0.2, 0.3, null, null, 0));
        assertThat(bins.get(5).count()).isOne();
        assertThat(bins.get(9)).as("1.0 falls in the last bin").isEqualTo(new ReliabilityCurve.Bin(0.9, 1.0, 0.975, 1.0, 2));
        assertThat(bins.stream().mapToLong(ReliabilityCurve.Bin::count).sum()).isEqualTo(p.length);
    }
}
