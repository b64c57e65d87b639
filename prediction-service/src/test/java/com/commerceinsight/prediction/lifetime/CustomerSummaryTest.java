package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.CustomerHistory;

/** Purchases are days with a sale order; the first day's spend stays out of the repeat mean. */
class CustomerSummaryTest {

    private static final LocalDateTime DAY_ONE = LocalDateTime.of(2024, 3, 1, 0, 0);

    static CustomerHistory.Order order(long id, LocalDateTime at, double amount, boolean cancellation) {
        return new CustomerHistory.Order(id, at, cancellation, amount, null, null, null, new long[0], new long[0]);
    }

    @Test
    void countsDaysNotOrders() {
        CustomerHistory history = new CustomerHistory(1, null)
                .order(order(1, DAY_ONE.plusHours(9), 10, false))
                .order(order(2, DAY_ONE.plusHours(17), 5, false))          // same day: the same purchase
                .order(order(3, DAY_ONE.plusHours(18), -10, true))         // a cancellation invoice is no purchase
                .order(order(4, DAY_ONE.plusDays(4).plusHours(8), 20, false))
                .order(order(5, DAY_ONE.plusDays(11).plusHours(23), 12, false))
                .order(order(6, DAY_ONE.plusDays(11).plusHours(23).plusMinutes(30), 18, false))
                .order(order(7, DAY_ONE.plusDays(19), 50, false));         // after the cutoff

        CustomerSummary summary = CustomerSummary.at(history, DAY_ONE.plusDays(14).plusHours(12));

        assertThat(summary.frequency()).isEqualTo(2);
        assertThat(summary.recencyDays()).isEqualTo(11);
        assertThat(summary.ageDays()).isCloseTo(14.5, offset(1e-9));
        assertThat(summary.meanRepeatSpend()).isCloseTo((20 + 12 + 18) / 2.0, offset(1e-9));
        assertThat(CustomerSummary.purchaseDaysIn(history, DAY_ONE.plusDays(4), DAY_ONE.plusDays(30))).as("days 5, 12 and 20 of the month").isEqualTo(3);
    }

    @Test
    void noSaleBeforeTheCutoffIsNoSummary() {
        CustomerHistory history = new CustomerHistory(2, null).order(order(1, DAY_ONE.plusDays(3), 10, false));
        assertThat(CustomerSummary.at(history, DAY_ONE)).isNull();
        assertThat(CustomerSummary.at(history, DAY_ONE.plusDays(3))).as("strictly before the cutoff").isNull();
        assertThat(CustomerSummary.at(history, DAY_ONE.plusDays(5)).frequency()).isZero();
    }
}
