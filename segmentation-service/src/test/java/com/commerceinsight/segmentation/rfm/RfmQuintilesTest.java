package com.commerceinsight.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commerceinsight.segmentation.features.PurchaseSummary;

class RfmQuintilesTest {

    private static final LocalDateTime AT = LocalDateTime.of(2025, 1, 1, 0, 0);

    @Test
    void bordersGiveEveryTrainingCustomerTheAnalysesQuintileScore() {
        Random random = new Random(3);
        for (int n : new int[] { 1, 2, 5, 7, 10, 99, 1_000 }) {
            List<PurchaseSummary> customers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties are common, as in real order counts.
                int orders = 1 + random.nextInt(6);
                double spend = 10 * (1 + random.nextInt(20));
                LocalDateTime last = AT.minusDays(random.nextInt(30));
                customers.add(new PurchaseSummary(i, orders, spend, last.minusDays(100), last, 0));
            }
            RfmQuintiles quintiles = RfmQuintiles.fit(customers, AT);
            for (PurchaseSummary customer : customers) {
                RfmScores scores = quintiles.score(customer, AT);
                assertThat(scores.recencyScore()).as("R, n=%d", n).isEqualTo(textbook(customers, c -> -recencyDays(c), customer));
                assertThat(scores.frequencyScore()).as("F, n=%d", n).isEqualTo(textbook(customers, c -> c.orders(), customer));
                assertThat(scores.monetaryScore()).as("M, n=%d", n).isEqualTo(textbook(customers, PurchaseSummary::spend, customer));
            }
        }
    }

    @Test
    void aCustomerWithoutAnOrderHasNoScore() {
        RfmQuintiles quintiles = RfmQuintiles.fit(List.of(new PurchaseSummary(1, 2, 20, AT.minusDays(9), AT.minusDays(1), 0)), AT);
        assertThat(quintiles.score(new PurchaseSummary(2, 0, 0, null, null, 3), AT)).isNull();
    }

    @Test
    void aNewcomerBetterThanEveryoneScoresFive() {
        List<PurchaseSummary> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(new PurchaseSummary(i, 1 + i % 5, 10 + i, AT.minusDays(10 + i), AT.minusDays(5 + i), 0));
        }
        RfmScores best = RfmQuintiles.fit(customers, AT).score(new PurchaseSummary(99, 40, 10_000, AT.minusDays(1), AT, 0), AT);
        assertThat(best).isEqualTo(RfmScores.of(5, 5, 5));
        assertThat(best.cell()).isEqualTo(RfmCell.CHAMPIONS);
    }

    /** 1 + floor(5 x share of customers strictly worse), "worse" being a lower value of {@code measure}. */
    private static int textbook(List<PurchaseSummary> all, java.util.function.ToDoubleFunction<PurchaseSummary> measure, PurchaseSummary one) {
        double value = measure.applyAsDouble(one);
        long worse = all.stream().filter(c -> measure.applyAsDouble(c) < value).count();
        return 1 + (int) (5 * worse / all.size());
    }

    private static double recencyDays(PurchaseSummary customer) {
        return java.time.Duration.between(customer.lastOrderAt(), AT).toMillis() / 86_400_000.0;
    }
}
