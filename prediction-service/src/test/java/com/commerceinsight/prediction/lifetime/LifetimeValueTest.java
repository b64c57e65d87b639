package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The value sums the months' expected purchases times the spend, month i discounted by (1 + d)^i. */
class LifetimeValueTest {

    /** CDNOW's alpha in weeks, as days (times 7). */
    private static final BgNbdModel DAILY = new BgNbdModel(0.243, 4.414 * 7, 0.793, 2.426);
    private static final CustomerSummary CUSTOMER = new CustomerSummary(3, 150, 200, 40);

    @Test
    void withoutDiscountItIsTheYearsPurchasesTimesTheSpend() {
        double purchases = DAILY.expectedPurchases(360, 3, 150, 200);
        assertThat(LifetimeValue.of(DAILY, CUSTOMER, 25, 12, 0)).isCloseTo(25 * purchases, offset(1e-9));
    }

    @Test
    void eachMonthIsDiscountedByItsOwnPower() {
        double first = DAILY.expectedPurchases(30, 3, 150, 200);
        double second = DAILY.expectedPurchases(60, 3, 150, 200) - first;
        assertThat(LifetimeValue.of(DAILY, CUSTOMER, 25, 2, 0.05))
                .isCloseTo(25 * first / 1.05 + 25 * second / (1.05 * 1.05), offset(1e-9));
        assertThat(LifetimeValue.of(DAILY, CUSTOMER, 25, 12, 0.05)).isLessThan(LifetimeValue.of(DAILY, CUSTOMER, 25, 12, 0));
    }
}
