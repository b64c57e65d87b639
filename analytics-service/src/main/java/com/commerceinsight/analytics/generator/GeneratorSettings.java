package com.commerceinsight.analytics.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the generator makes: the seed, the sizes of the shop and the time window [start, end) (end exclusive).
 * The same settings always produce the same shop.
 *
 * @param orders the target number of orders; the realised count is Poisson around it (see {@link ShopGenerator})
 */
public record GeneratorSettings(long seed, int customers, int products, int categories, long orders,
                                LocalDate start, LocalDate end, int tasteGroups, int suppliers) {

    /** The window every {@link #forOrders} shop covers: two years ending on the first day of 2025. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2023, 1, 1);
    public static final LocalDate DEFAULT_END = LocalDate.of(2025, 1, 1);
    public static final int DEFAULT_TASTE_GROUPS = 8;

    public GeneratorSettings {
        if (customers < 1 || products < 1 || orders < 1 || tasteGroups < 1 || suppliers < 1) {
            throw new IllegalArgumentException("customers, products, orders, taste groups and suppliers must be positive");
        }
        if (categories < 3) {
            throw new IllegalArgumentException("categories must be at least 3 (a two-level tree with parents and leaves)");
        }
        if (products < categories) {
            throw new IllegalArgumentException("need at least as many products as categories, so no category is empty");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("the window needs a start before its end");
        }
    }

    /**
     * A shop sized for a target order count: a tenth as many customers (about ten orders per customer over the
     * window), a catalogue growing with the square root of the orders (8 * sqrt, between 100 and 10,000 products),
     * 20 to 40 categories, a supplier per 15 products (10 to 400), eight taste groups, two years.
     */
    public static GeneratorSettings forOrders(long orders, long seed) {
        return forOrders(orders, seed, DEFAULT_END);
    }

    /**
     * The same shop laid over the two years that end just before {@code end} (exclusive), e.g. today for a sample
     * shop whose history reaches the moment it is generated, as the services' "now" expects.
     */
    public static GeneratorSettings forOrders(long orders, long seed, LocalDate end) {
        if (orders < 1) {
            throw new IllegalArgumentException("orders must be positive");
        }
        int customers = (int) Math.min(Integer.MAX_VALUE, Math.max(50, orders / 10));
        int products = (int) Math.max(100, Math.min(10_000, Math.round(8 * Math.sqrt(orders))));
        double doublings = Math.log(Math.max(1.0, orders / 1000.0)) / Math.log(2);
        int categories = (int) Math.min(40, 20 + Math.round(2 * doublings));
        int suppliers = Math.max(10, Math.min(400, products / 15));
        return new GeneratorSettings(seed, customers, products, categories, orders, end.minusYears(2), end,
                DEFAULT_TASTE_GROUPS, suppliers);
    }

    public int windowDays() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }
}
