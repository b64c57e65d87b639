package com.commerceinsight.prediction.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * The log-likelihood against eq. (6) of Fader, Hardie and Lee (2005) multiplied out by hand for small x, where
 * G(r+x)/G(r) = r(r+1)...(r+x-1) and B(a, b+x)/B(a, b) = b(b+1)...(b+x-1) / ((a+b)(a+b+1)...(a+b+x-1)). The parameters
 * are the paper's CDNOW estimates (weeks).
 */
class BgNbdLikelihoodTest {

    private static final double R = 0.243;
    private static final double ALPHA = 4.414;
    private static final double A = 0.793;
    private static final double B = 2.426;
    private static final BgNbdModel CDNOW = new BgNbdModel(R, ALPHA, A, B);

    @Test
    void aCustomerWithoutRepeatPurchasesIsAliveWithNoPurchaseSinceTheFirst() {
        // L = (alpha / (alpha + T))^r; by hand 0.243 * ln(4.414 / 14.414) = -0.287571
        assertThat(BgNbdLikelihood.logLikelihood(CDNOW, 0, 0, 10)).isCloseTo(R * Math.log(ALPHA / (ALPHA + 10)), offset(1e-12))
                .isCloseTo(-0.287571, offset(1e-6));
    }

    @Test
    void oneRepeatPurchaseAddsTheDroppedOutBranch() {
        double direct = R * Math.pow(ALPHA, R) * B / (A + B)
                * (Math.pow(ALPHA + 10, -(R + 1)) + A / B * Math.pow(ALPHA + 5, -(R + 1)));
        assertThat(BgNbdLikelihood.logLikelihood(CDNOW, 1, 5, 10)).isCloseTo(Math.log(direct), offset(1e-12))
                .isCloseTo(-4.211769, offset(1e-6));
    }

    @Test
    void threeRepeatPurchasesMultiplyOut() {
        double direct = R * (R + 1) * (R + 2) * Math.pow(ALPHA, R)
                * B * (B + 1) * (B + 2) / ((A + B) * (A + B + 1) * (A + B + 2))
                * (Math.pow(ALPHA + 30, -(R + 3)) + A / (B + 2) * Math.pow(ALPHA + 20, -(R + 3)));
        assertThat(BgNbdLikelihood.logLikelihood(CDNOW, 3, 20, 30)).isCloseTo(Math.log(direct), offset(1e-12))
                .isCloseTo(-11.724292, offset(1e-6));
    }

    @Test
    void manyPurchasesStayFinite() {
        // (alpha + T)^-(r + x) underflows a double for x = 400; the log form does not
        assertThat(BgNbdLikelihood.logLikelihood(CDNOW, 400, 360, 365)).isFinite().isNegative();
    }
}
