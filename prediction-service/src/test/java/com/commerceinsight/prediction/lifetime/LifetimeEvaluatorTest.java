package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.CustomerHistory;

/**
 * The report row on a small shop of BG/NBD customers with dated orders: the training and test populations are the
 * classifiers' (a sale before the cutoff), the actual purchases are counted here independently, and on data from its
 * own story the BG/NBD ranks the next 90 days' buyers well.
 */
class LifetimeEvaluatorTest {

    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final LocalDateTime T = LocalDateTime.of(2024, 10, 1, 0, 0);
    private static final int H = 90;

    @Test
    void reportsTheOutOfTimeFiguresOfTheFitOnTheTrainingSnapshot() {
        List<CustomerHistory> shop = shop(1_500, 11);

        LifetimeEvaluation report = LifetimeEvaluator.evaluate(shop, T, H);

        long trainPopulation = shop.stream().filter(h -> h.salesBefore(T.minusDays(H)) > 0).count();
        long testPopulation = shop.stream().filter(h -> h.salesBefore(T) > 0).count();
        long testPurchaseDays = shop.stream().filter(h -> h.salesBefore(T) > 0).mapToLong(h -> h.orders().stream()
                .filter(o -> o.orderedAt().isAfter(T) && !o.orderedAt().isAfter(T.plusDays(H)))
                .map(o -> o.orderedAt().toLocalDate()).distinct().count()).sum();
        System.out.printf("lifetime report on %d customers: %s%n", shop.size(), report);
        assertThat(report.algorithm()).isEqualTo("BG_NBD");
        assertThat(report.trainCutoff()).isEqualTo(T.minusDays(H));
        assertThat((long) report.fitCustomers()).isEqualTo(trainPopulation);
        assertThat(report.trainingPeriod().classification().customers()).isEqualTo(trainPopulation);
        assertThat(report.outOfTime().classification().customers()).isEqualTo(testPopulation);
        assertThat(report.outOfTime().actualPurchases()).isEqualTo(testPurchaseDays);
        assertThat(report.outOfTime().classification().rocAuc()).isBetween(0.7, 1.0);
        assertThat(report.outOfTime().predictedPurchases()).isBetween(0.7 * testPurchaseDays, 1.3 * testPurchaseDays);
        assertThat(report.outOfTime().purchasesMae()).isPositive();
        assertThat(report.threshold()).isBetween(0.0, 1.0);
        assertThat(report.gammaGamma()).isNotNull();
        assertThat(report.gammaGammaCustomers()).isPositive();
    }

    /** Customers joining over the first 270 days, buying at BG/NBD rates (per day) until the shop's end. */
    static List<CustomerHistory> shop(int customers, long seed) {
        RandomGenerator random = new MersenneTwister(seed);
        GammaDistribution rates = new GammaDistribution(random, 0.6, 1 / 40.0);
        BetaDistribution dropouts = new BetaDistribution(random, 0.8, 2.5);
        double days = java.time.Duration.between(START, T.plusDays(H)).toDays();
        List<CustomerHistory> shop = new ArrayList<>();
        long orderId = 1;
        for (int c = 0; c < customers; c++) {
            double lambda = rates.sample();
            double p = dropouts.sample();
            double t = 270 * random.nextDouble();
            CustomerHistory history = new CustomerHistory(c + 1, null);
            while (t < days) {
                history.order(CustomerSummaryTest.order(orderId++, START.plusSeconds((long) (t * 86_400)), 20 + 60 * random.nextDouble(), false));
                if (history.orders().size() > 1 && random.nextDouble() < p) {
                    break;
                }
                t += -Math.log(1 - random.nextDouble()) / lambda;
            }
            shop.add(history);
        }
        return shop;
    }
}
