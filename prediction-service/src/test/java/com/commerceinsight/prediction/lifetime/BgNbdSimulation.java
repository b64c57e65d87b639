package com.commerceinsight.prediction.lifetime;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Customers drawn from the BG/NBD story itself, for the parameter-recovery tests: each gets lambda ~ Gamma(r, alpha)
 * and p ~ Beta(a, b), first buys at time 0, then buys at exponential gaps while alive and drops out after each repeat
 * purchase with probability p. Ages spread uniformly over [minAge, maxAge], as CDNOW's cohort joined over 12 weeks
 * and was observed for 39. Each repeat purchase also gets a Gamma-Gamma spend when {@code spend} is given.
 */
final class BgNbdSimulation {

    /** One simulated customer: the summary a shop would see, plus its future purchases in (T, T + horizon]. */
    record Customer(CustomerSummary summary, int futurePurchases) {
    }

    private final RandomGenerator random;

    BgNbdSimulation(long seed) {
        this.random = new MersenneTwister(seed);
    }

    List<Customer> customers(BgNbdModel truth, GammaGammaModel spend, int count, double minAge, double maxAge, double horizon) {
        GammaDistribution rates = new GammaDistribution(random, truth.r(), 1 / truth.alpha());
        BetaDistribution dropouts = new BetaDistribution(random, truth.a(), truth.b());
        GammaDistribution spendRates = spend == null ? null : new GammaDistribution(random, spend.q(), 1 / spend.v());
        List<Customer> customers = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            double lambda = rates.sample();
            double p = dropouts.sample();
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            GammaDistribution spends = spendRates == null ? null : new GammaDistribution(random, spend.p(), 1 / spendRates.sample());
            int x = 0;
            int future = 0;
            double last = 0;
            double spent = 0;
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > age + horizon) {
                    break;
                }
                if (t <= age) {
                    x++;
                    last = t;
                    spent += spends == null ? 0 : spends.sample();
                } else {
                    future++;
                }
                if (random.nextDouble() < p) {
                    break;
                }
            }
            customers.add(new Customer(new CustomerSummary(x, last, age, x == 0 ? 0 : spent / x), future));
        }
        return customers;
    }

    static List<CustomerSummary> summaries(List<Customer> customers) {
        return customers.stream().map(Customer::summary).toList();
    }
}
