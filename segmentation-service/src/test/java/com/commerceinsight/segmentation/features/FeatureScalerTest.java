package com.commerceinsight.segmentation.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureScalerTest {

    private static final List<Feature> TWO = List.of(Feature.FREQUENCY, Feature.MONETARY);

    @Test
    void symmetricFeatureIsOnlyStandardisedAndSkewedOneIsLogged() {
        // frequency 1, 2, 3 (no skew); monetary 1, 1, 1, 1000 spread over four rows (strong right skew)
        double[][] rows = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 2, 1000 } };
        FeatureScaler scaler = FeatureScaler.fit(TWO, rows, 1.0);
        assertThat(scaler.logged()).containsExactly(false, true);
        assertThat(scaler.means()[0]).isCloseTo(2, within(1e-12));
        assertThat(scaler.stds()[0]).isCloseTo(Math.sqrt(0.5), within(1e-12)); // deviations -1, 0, 1, 0
        double logMean = (3 * Math.log(2) + Math.log(1001)) / 4;
        assertThat(scaler.means()[1]).isCloseTo(logMean, within(1e-12));
        double[] z = scaler.standardize(new double[] { 3, 1000 });
        assertThat(z[0]).isCloseTo(1 / Math.sqrt(0.5), within(1e-12));
        assertThat(scaler.toRaw(z)[1]).isCloseTo(1000, within(1e-6));
    }

    @Test
    void constantFeatureStandardisesToZero() {
        FeatureScaler scaler = FeatureScaler.fit(TWO, new double[][] { { 4, 1 }, { 4, 2 }, { 4, 3 } }, 1.0);
        assertThat(scaler.standardize(new double[] { 4, 2 })[0]).isZero();
    }

    @Test
    void featuresOfASummaryAreMeasuredFromTheReferenceTime() {
        LocalDateTime at = LocalDateTime.of(2025, 1, 11, 0, 0);
        PurchaseSummary summary = new PurchaseSummary(1, 4, 100, at.minusDays(10), at.minusHours(12), 6);
        assertThat(summary.values(List.of(Feature.values()), at)).containsExactly(0.5, 4, 100, 10, 25, 6);
        // An order after the reference time (read with the summary, its event not applied yet) is not in the past.
        PurchaseSummary ahead = new PurchaseSummary(1, 5, 120, at.minusDays(10), at.plusHours(1), 6);
        assertThat(ahead.values(List.of(Feature.values()), at)).containsExactly(0, 5, 120, 10, 24, 6);
        assertThat(PurchaseSummary.none(1).segmentable()).isFalse();
    }
}
