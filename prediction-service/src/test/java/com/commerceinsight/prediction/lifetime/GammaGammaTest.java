package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Gamma-Gamma's likelihood and conditional mean by hand, and parameter recovery from simulated spends. */
class GammaGammaTest {

    @Test
    void likelihoodOfTwoPurchasesByHand() {
        // p = 2, q = 3, v = 10, x = 2 purchases averaging m = 5:
        // G(7) / (G(4) G(3)) * 10^3 * 5^3 * 2^4 / 20^7 = 60 * 1000 * 125 * 16 / 1.28e9 = 0.09375
        assertThat(new GammaGammaModel(2, 3, 10).logLikelihood(2, 5)).isCloseTo(Math.log(0.09375), offset(1e-12));
    }

    @Test
    void expectedSpendWeighsTheCustomerAgainstThePopulation() {
        GammaGammaModel model = new GammaGammaModel(2, 3, 10);
        // p (v + x m) / (p x + q - 1) = 2 * (10 + 2 * 5) / (4 + 2)
        assertThat(model.expectedMeanSpend(2, 5)).isCloseTo(20.0 / 3, offset(1e-12));
        // no purchase of their own: the population mean p v / (q - 1)
        assertThat(model.expectedMeanSpend(0, 0)).isCloseTo(10, offset(1e-12));
        // many purchases: their own mean
        assertThat(model.expectedMeanSpend(100_000, 5)).isCloseTo(5, offset(1e-3));
    }

    /**
     * Spends simulated with the "RFM and CLV" note's CDNOW estimates (p = 6.25, q = 3.74, v = 15.44) for the repeat
     * buyers among 20,000 BG/NBD customers (about 8,000). Tolerances about four standard deviations: over twelve seeds
     * the estimates spread by 6 % (p), 2 % (q) and 8 % (v); p and v trade off against each other, their population mean
     * p v / (q - 1) much less.
     */
    @Test
    void recoversTheParametersFromSimulatedSpends() {
        GammaGammaModel truth = new GammaGammaModel(6.25, 3.74, 15.44);
        List<CustomerSummary> summaries = BgNbdSimulation.summaries(new BgNbdSimulation(4)
                .customers(new BgNbdModel(0.243, 4.414, 0.793, 2.426), truth, 20_000, 27, 39, 0));

        GammaGammaFit.Result fit = GammaGammaFit.fit(summaries, 20).orElseThrow();

        System.out.printf("Gamma-Gamma fitted on %d simulated repeat buyers: %s (truth %s)%n", fit.customers(), fit.model(), truth);
        assertThat(fit.model().p()).isCloseTo(truth.p(), within(0.25 * truth.p()));
        assertThat(fit.model().q()).isCloseTo(truth.q(), within(0.09 * truth.q()));
        assertThat(fit.model().v()).isCloseTo(truth.v(), within(0.32 * truth.v()));
        double populationMean = truth.p() * truth.v() / (truth.q() - 1);
        assertThat(fit.model().expectedMeanSpend(0, 0)).isCloseTo(populationMean, within(0.05 * populationMean));
        assertThat(fit.customers()).isEqualTo((int) summaries.stream().filter(s -> s.frequency() > 0).count());
    }

    @Test
    void tooFewRepeatBuyersFitNothing() {
        List<CustomerSummary> summaries = List.of(new CustomerSummary(0, 0, 10, 0), new CustomerSummary(2, 5, 10, 12));
        assertThat(GammaGammaFit.fit(summaries, 20)).isEmpty();
    }
}
