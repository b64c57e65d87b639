package com.commerceinsight.prediction.lifetime;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood of one customer, eq. (6) of Fader, Hardie and Lee (2005), in logs so that customers with
 * many purchases neither overflow nor underflow:
 * ln L = ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x) - ln B(a, b)
 *        + ln[ (alpha+T)^-(r+x) + [x > 0] a/(b+x-1) (alpha+t_x)^-(r+x) ].
 */
public final class BgNbdLikelihood {

    private BgNbdLikelihood() {
    }

    public static double logLikelihood(BgNbdModel m, int x, double recency, double age) {
        double common = Gamma.logGamma(m.r() + x) - Gamma.logGamma(m.r()) + m.r() * Math.log(m.alpha())
                + Beta.logBeta(m.a(), m.b() + x) - Beta.logBeta(m.a(), m.b());
        double stillAlive = -(m.r() + x) * Math.log(m.alpha() + age);
        if (x == 0) {
            return common + stillAlive;
        }
        double droppedOut = Math.log(m.a()) - Math.log(m.b() + x - 1) - (m.r() + x) * Math.log(m.alpha() + recency);
        return common + logSumExp(stillAlive, droppedOut);
    }

    private static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
