package com.commerceinsight.segmentation.features;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a customer did, as the commerce tables hold it (up to a training's snapshot time, or all of it for the kept
 * summaries): orders not cancelled and their total, the first and last order time (UTC; cancelled orders included, the
 * customer was active then, and a later cancellation does not move them) and web sessions. Every feature is computed
 * from it at a reference time.
 */
public record PurchaseSummary(long customerId, int orders, double spend, LocalDateTime firstOrderAt,
        LocalDateTime lastOrderAt, int sessions) {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** A customer of whom the commerce tables hold neither an order nor a session. */
    public static PurchaseSummary none(long customerId) {
        return new PurchaseSummary(customerId, 0, 0, null, null, 0);
    }

    /** Only a customer with an order not cancelled has a recency, a frequency and a basket to segment on. */
    public boolean segmentable() {
        return orders > 0 && lastOrderAt != null && firstOrderAt != null;
    }

    public double value(Feature feature, LocalDateTime at) {
        return switch (feature) {
            case RECENCY_DAYS -> daysBetween(lastOrderAt, at);
            case FREQUENCY -> orders;
            case MONETARY -> Math.max(0, spend);
            case TENURE_DAYS -> daysBetween(firstOrderAt, at);
            case AVERAGE_BASKET -> Math.max(0, spend) / orders;
            case SESSIONS -> sessions;
        };
    }

    public double[] values(List<Feature> features, LocalDateTime at) {
        double[] row = new double[features.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(features.get(i), at);
        }
        return row;
    }

    /** An event can be older than the reference time (an order placed later than it happened): never negative. */
    private static double daysBetween(LocalDateTime from, LocalDateTime to) {
        return Math.max(0, Duration.between(from, to).toMillis() / MILLIS_PER_DAY);
    }
}
