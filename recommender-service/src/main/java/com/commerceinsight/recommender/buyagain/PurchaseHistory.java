package com.commerceinsight.recommender.buyagain;

import java.time.Duration;
import java.time.Instant;

/**
 * What a customer bought of one product before a moment: the features buy-again ranks by.
 *
 * @param orders        orders with the product (several lines of one order count once)
 * @param firstBoughtAt the first of them; null when not known (rows counted before it was kept)
 * @param lastBoughtAt  the last of them
 */
public record PurchaseHistory(long productId, int orders, Instant firstBoughtAt, Instant lastBoughtAt) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    /** Mean days between consecutive orders ((last − first) / (orders − 1)), or null with one order or no first time. */
    public Double meanIntervalDays() {
        if (orders < 2 || firstBoughtAt == null) {
            return null;
        }
        return days(firstBoughtAt, lastBoughtAt) / (orders - 1);
    }

    public double daysSinceLast(Instant now) {
        return Math.max(0, days(lastBoughtAt, now));
    }

    /** Days the customer has been buying the product, from the first order (the last when the first is unknown). */
    public double daysSinceFirst(Instant now) {
        return Math.max(0, days(firstBoughtAt != null ? firstBoughtAt : lastBoughtAt, now));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_DAY;
    }
}
