package com.commerceinsight.prediction.lifetime;

/**
 * A fitted BG/NBD (Fader, Hardie and Lee 2005): while alive a customer buys at rate lambda ~ Gamma(r, alpha) per day,
 * and after each repeat purchase drops out for good with probability p ~ Beta(a, b). The predictions are the paper's
 * for a customer with summary (x, t_x, T); times in days.
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    /** P(alive at T | x, t_x, T), eq. (13) of the paper; 1 without repeat purchases (no chance yet to drop out). */
    public double probabilityAlive(int x, double recency, double age) {
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
        return 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[purchases in (T, T + t] | x, t_x, T], eq. (10) of the paper. Its ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x;
     * a+b+x-1; z) is rewritten by Euler's transformation as (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z): the same value,
     * without the huge series terms the first form has for a customer with hundreds of purchases.
     */
    public double expectedPurchases(double t, int x, double recency, double age) {
        if (t <= 0) {
            return 0;
        }
        // The formula is continuous in a but 0/0 at a = 1 exactly: evaluated a hair beyond it (relative effect ~1e-7)
        double a = Math.abs(this.a - 1) < 1e-7 ? 1 + 1e-7 : this.a;
        double z = t / (alpha + age + t);
        double transformed = Math.pow(1 - z, a - 1) * Hypergeometric2F1.value(a + b - 1 - r, a - 1, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - transformed);
        return numerator * probabilityAlive(x, recency, age);
    }

    /**
     * P(at least one purchase in (T, T + t] | x, t_x, T): alive at T, and the first purchase after T comes within t.
     * A customer alive at T drops out only after a purchase, so the second factor depends on lambda alone, whose
     * posterior given alive is Gamma(r + x, alpha + T): E[1 - exp(-lambda t)] = 1 - ((alpha+T)/(alpha+T+t))^(r+x).
     */
    public double probabilityOfPurchase(double t, int x, double recency, double age) {
        double none = Math.exp((r + x) * (Math.log(alpha + age) - Math.log(alpha + age + t)));
        return probabilityAlive(x, recency, age) * (1 - none);
    }
}
