package com.commerceinsight.recommender.training;

import java.time.Instant;
import java.util.Random;

import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalKind;

/**
 * A shop with planted taste groups, in the generator's spirit: each customer belongs to one group, and 80% of
 * their purchases come from the group's own products (Zipf within them), 20% from the whole catalogue by global
 * Zipf popularity. Purchases are spread uniformly over two years; some customers also wishlist and review.
 */
public final class PlantedShop {

    public static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    public static final int DAYS = 730;

    public final int customers;
    public final int products;
    public final int groups;
    public final int[] groupOf;
    public final InteractionLog log = new InteractionLog();

    public PlantedShop(int customers, int products, int groups, double purchasesPerCustomer, long seed) {
        this.customers = customers;
        this.products = products;
        this.groups = groups;
        this.groupOf = new int[customers];
        Random random = new Random(seed);
        double[] global = zipf(products, 1.0);
        int perGroup = products / groups;
        double[] withinGroup = zipf(perGroup, 0.8);
        for (int c = 0; c < customers; c++) {
            groupOf[c] = random.nextInt(groups);
            int purchases = 1 + poisson(random, purchasesPerCustomer - 1);
            for (int p = 0; p < purchases; p++) {
                int product = random.nextDouble() < 0.8
                        ? groupOf[c] * perGroup + draw(withinGroup, random)
                        : draw(global, random);
                Instant at = START.plusSeconds((long) (random.nextDouble() * DAYS * 86_400));
                log.add(customerId(c), productId(product), at, SignalKind.PURCHASE, 0);
                if (random.nextDouble() < 0.1) {
                    log.add(customerId(c), productId(product), at.plusSeconds(86_400 * 3), SignalKind.REVIEW, 1 + random.nextInt(5));
                }
            }
            if (random.nextDouble() < 0.2) {
                int product = groupOf[c] * perGroup + draw(withinGroup, random);
                log.add(customerId(c), productId(product), START.plusSeconds((long) (random.nextDouble() * DAYS * 86_400)),
                        SignalKind.WISHLIST, 0);
            }
        }
    }

    public static long customerId(int c) {
        return 1_000 + c;
    }

    public static long productId(int p) {
        return 50_000 + p;
    }

    /** The group whose own products include this one. */
    public int groupOfProduct(long productId) {
        return (int) ((productId - 50_000) / (products / groups));
    }

    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, Random random) {
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
