package com.commerceinsight.analytics.generator;

import java.util.SplittableRandom;

/**
 * The hidden parameters of every customer, drawn before any row is written: taste group, registration time, churn
 * time, base purchase rate and a private random stream. The rates are scaled so that the expected number of orders
 * over the window equals the target exactly. Memory is a few numbers per customer, never per order.
 */
final class LatentCustomers {

    /** Gamma shape of the relative purchase rates: below 1, so a few customers buy much more than most. */
    static final double PURCHASE_RATE_SHAPE = 0.7;
    /** Mean lifetimes are Gamma(2, 300): 600 days on average, varying between customers. */
    static final double LIFETIME_SHAPE = 2;
    static final double LIFETIME_SCALE_DAYS = 300;

    final int[] group;
    final double[] registeredDay;
    /** Days since the window start; at or beyond the window's end when the customer outlives it. */
    final double[] churnDay;
    final double[] churnRatePerDay;
    final double[] purchaseRatePerDay;
    final long[] streamSeed;

    private LatentCustomers(int customers) {
        group = new int[customers];
        registeredDay = new double[customers];
        churnDay = new double[customers];
        churnRatePerDay = new double[customers];
        purchaseRatePerDay = new double[customers];
        streamSeed = new long[customers];
    }

    static LatentCustomers draw(GeneratorSettings settings, TasteGroups tastes, Seasonality seasonality, SplittableRandom rng) {
        int customers = settings.customers();
        int days = settings.windowDays();
        LatentCustomers latent = new LatentCustomers(customers);
        double expectedAtUnitScale = 0;
        for (int c = 0; c < customers; c++) {
            latent.group[c] = tastes.drawGroup(rng);
            latent.registeredDay[c] = rng.nextDouble() * days;
            double meanLifetime = RandomVariates.gamma(rng, LIFETIME_SHAPE, LIFETIME_SCALE_DAYS);
            latent.churnRatePerDay[c] = 1 / meanLifetime;
            latent.churnDay[c] = latent.registeredDay[c] + RandomVariates.exponential(rng, meanLifetime);
            latent.purchaseRatePerDay[c] = RandomVariates.gamma(rng, PURCHASE_RATE_SHAPE, 1);
            latent.streamSeed[c] = rng.nextLong();
            expectedAtUnitScale += latent.purchaseRatePerDay[c] * latent.exposure(c, seasonality);
        }
        double scale = settings.orders() / expectedAtUnitScale;
        for (int c = 0; c < customers; c++) {
            latent.purchaseRatePerDay[c] *= scale;
        }
        return latent;
    }

    int size() {
        return group.length;
    }

    /** The seasonal exposure of the customer's active life: the integral of the multiplier from registration to churn. */
    double exposure(int customer, Seasonality seasonality) {
        return seasonality.integral(registeredDay[customer], churnDay[customer]);
    }
}
