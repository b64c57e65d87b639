package com.commerceinsight.prediction.lifetime;

import org.apache.commons.math3.special.Gamma;

/**
 * A fitted Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"): each purchase's spend is Gamma(p, nu)
 * around the customer's mean p / nu, and nu ~ Gamma(q, v) across customers. Assumes spend independent of purchase
 * frequency; fitted on repeat purchases only.
 *
 * @param v the scale of spend, in the shop's currency
 */
public record GammaGammaModel(double p, double q, double v) {

    /**
     * E[mean spend per purchase | x repeat purchases averaging m], eq. (5) of the note: a weighted average of the
     * population mean p v / (q - 1) and the customer's own mean, the weight on the latter growing with x. For x = 0 the
     * population mean (infinite when q <= 1).
     */
    public double expectedMeanSpend(int x, double meanSpend) {
        return p * (v + x * meanSpend) / (p * x + q - 1);
    }

    /**
     * The log-likelihood of one customer's x repeat purchases with mean spend m (eq. (3) of the note, the spends'
     * mean being sufficient): ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + x m).
     */
    public double logLikelihood(int x, double meanSpend) {
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(v) + (px - 1) * Math.log(meanSpend)
                + px * Math.log(x) - (px + q) * Math.log(v + x * meanSpend);
    }
}
