package com.commerceinsight.prediction.features;

import static com.commerceinsight.prediction.features.RepurchaseFeature.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A stored feature vector moved forward in time equals the vector computed afresh from the whole history at the later
 * time, as long as nothing happened in between; and a hand-counted case.
 */
class FeatureAgingTest {

    static final LocalDateTime A = LocalDateTime.of(2024, 1, 1, 0, 0);

    @Test
    void agedVectorEqualsTheVectorExtractedAtTheLaterTime() {
        Random random = new Random(3);
        for (int c = 0; c < 300; c++) {
            CustomerHistory history = new CustomerHistory(c, random.nextBoolean() ? null : A.minusDays(150 + random.nextInt(400)));
            int orders = 1 + random.nextInt(6);
            for (int o = 0; o < orders; o++) {
                LocalDateTime at = A.minusDays(4).minusMinutes(random.nextInt(200 * 24 * 60)); // shipped and delivered before A too
                history.order(new CustomerHistory.Order(o, at, random.nextInt(8) == 0, 10 + random.nextInt(90), at.plusDays(1),
                        random.nextBoolean() ? at.plusDays(3) : null, null, new long[] {random.nextInt(5)}, new long[] {random.nextInt(50)}));
            }
            for (int w = random.nextInt(4); w > 0; w--) {
                history.wishlisted(A.minusHours(1 + random.nextInt(120 * 24)));
            }
            if (history.salesBefore(A) == 0) {
                continue;
            }
            double[] computed = FeatureExtractor.extract(history, A);
            TimeAnchors anchors = FeatureExtractor.anchors(history, A);
            for (int days : new int[] {0, 1, 7, 30, 61, 91, 365}) {
                LocalDateTime now = A.plusDays(days).plusMinutes(random.nextInt(1440));
                double[] aged = FeatureExtractor.ageTo(computed, anchors, A, now);
                double[] fresh = FeatureExtractor.extract(history, now);
                for (RepurchaseFeature feature : RepurchaseFeature.values()) {
                    double expected = fresh[feature.ordinal()];
                    double actual = aged[feature.ordinal()];
                    if (Double.isNaN(expected)) {
                        assertThat(actual).as("customer %d, %s after %d days", c, feature, days).isNaN();
                    } else {
                        assertThat(actual).as("customer %d, %s after %d days", c, feature, days).isCloseTo(expected, within(1e-9));
                    }
                }
            }
        }
    }

    /** Orders 200 and 80 days before A, a wishlist addition 50 days before; moved 15 days on. */
    @Test
    void clockFeaturesMoveByHand() {
        CustomerHistory history = new CustomerHistory(1, null)
                .order(new CustomerHistory.Order(1, A.minusDays(200), false, 10, null, null, null, new long[0], new long[0]))
                .order(new CustomerHistory.Order(2, A.minusDays(80), false, 30, null, null, null, new long[0], new long[0]))
                .wishlisted(A.minusDays(50));
        double[] atA = FeatureExtractor.extract(history, A);
        assertThat(atA[ORDERS_LAST_90_DAYS.ordinal()]).isEqualTo(1);
        assertThat(atA[WISHLIST_LAST_60_DAYS.ordinal()]).isEqualTo(1);

        double[] later = FeatureExtractor.ageTo(atA, FeatureExtractor.anchors(history, A), A, A.plusDays(15));
        assertThat(later[DAYS_SINCE_LAST_ORDER.ordinal()]).isEqualTo(95);
        assertThat(later[DAYS_SINCE_FIRST_ORDER.ordinal()]).isEqualTo(215);
        assertThat(later[TENURE_DAYS.ordinal()]).isEqualTo(215);
        assertThat(later[ORDERS_PER_MONTH.ordinal()]).isCloseTo(2 / (215 / 30.4375), within(1e-12));
        assertThat(later[ORDERS_LAST_90_DAYS.ordinal()]).isZero();
        assertThat(later[WISHLIST_LAST_60_DAYS.ordinal()]).isZero();
        assertThat(later[RECENCY_OVER_MEAN_GAP.ordinal()]).isCloseTo(95 / 120.0, within(1e-12));
        // what does not depend on the clock stays as it was
        assertThat(later[TOTAL_SPENT.ordinal()]).isEqualTo(40);
        assertThat(later[MEAN_DAYS_BETWEEN_ORDERS.ordinal()]).isEqualTo(120);
        assertThatThrownBy(() -> FeatureExtractor.ageTo(atA, FeatureExtractor.anchors(history, A), A, A.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
