package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The predictions against the process they describe: customers simulated from known parameters, their summaries at T
 * fed to the formulas, and the sums compared with what the simulation did next in (T, T + t]. The tolerance is four
 * standard errors of the sum, estimated from the customers' own residuals.
 */
class BgNbdModelTest {

    private static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    private static final double HORIZON = 39;

    private final List<BgNbdSimulation.Customer> customers = new BgNbdSimulation(3).customers(CDNOW, null, 30_000, 27, 39, HORIZON);

    @Test
    void expectedPurchasesAddUpToTheSimulatedFuture() {
        double predicted = 0, actual = 0, squares = 0;
        for (BgNbdSimulation.Customer c : customers) {
            CustomerSummary s = c.summary();
            double expected = CDNOW.expectedPurchases(HORIZON, s.frequency(), s.recencyDays(), s.ageDays());
            predicted += expected;
            actual += c.futurePurchases();
            squares += (c.futurePurchases() - expected) * (c.futurePurchases() - expected);
        }
        System.out.printf("expected purchases in %.0f weeks: predicted %.0f, simulated %.0f%n", HORIZON, predicted, actual);
        assertThat(predicted).isCloseTo(actual, offset(4 * Math.sqrt(squares)));
    }

    @Test
    void probabilityOfAPurchaseMatchesTheShareThatBought() {
        double predicted = 0, actual = 0, squares = 0;
        for (BgNbdSimulation.Customer c : customers) {
            CustomerSummary s = c.summary();
            double p = CDNOW.probabilityOfPurchase(HORIZON, s.frequency(), s.recencyDays(), s.ageDays());
            int bought = c.futurePurchases() > 0 ? 1 : 0;
            predicted += p;
            actual += bought;
            squares += (bought - p) * (bought - p);
        }
        System.out.printf("customers buying in %.0f weeks: predicted %.0f, simulated %.0f%n", HORIZON, predicted, actual);
        assertThat(predicted).isCloseTo(actual, offset(4 * Math.sqrt(squares)));
    }

    /** For a new customer (x = t_x = T = 0) eq. (10) reduces to the paper's unconditional E[X(t)], eq. (9), unrewritten. */
    @Test
    void aNewCustomerExpectsTheUnconditionalPurchases() {
        double t = 52, r = CDNOW.r(), alpha = CDNOW.alpha(), a = CDNOW.a(), b = CDNOW.b();
        double unconditional = (a + b - 1) / (a - 1)
                * (1 - Math.pow(alpha / (alpha + t), r) * Hypergeometric2F1.value(r, b, a + b - 1, t / (alpha + t)));
        assertThat(CDNOW.expectedPurchases(t, 0, 0, 0)).isCloseTo(unconditional, offset(1e-10));
    }

    @Test
    void probabilitiesStayProbabilities() {
        assertThat(CDNOW.probabilityAlive(0, 0, 50)).isEqualTo(1);
        for (int x : new int[] {1, 3, 20, 300}) {
            for (double recency : new double[] {0, 10, 49}) {
                assertThat(CDNOW.probabilityAlive(x, recency, 50)).isBetween(0.0, 1.0);
                assertThat(CDNOW.probabilityOfPurchase(13, x, recency, 50)).isBetween(0.0, 1.0);
                assertThat(CDNOW.expectedPurchases(13, x, recency, 50)).isFinite().isNotNegative();
            }
        }
        // a frequent buyer who went quiet long ago is less likely alive than one who just bought
        assertThat(CDNOW.probabilityAlive(10, 5, 50)).isLessThan(CDNOW.probabilityAlive(10, 49, 50));
    }
}
