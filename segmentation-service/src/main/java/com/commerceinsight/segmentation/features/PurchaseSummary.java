package com.commerceinsight.segmentation.features;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a customer did up to a reference time, from which every feature follows: orders not cancelled and their
 * total, the first and last order time (UTC; cancelled orders included, the customer was active then, and a later
 * cancellation does not move them) and web sessions. Kept per customer so that an order event only adds
 * to it and the features are recomputed, never re-read from the commerce tables.
 */
public record PurchaseSummary(long customerId, int orders, double spend, LocalDateTime firstOrderAt,
        LocalDateTime lastOrderAt, int sessions) {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

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

    /** An order placed at orderedAt and not cancelled. */
    public PurchaseSummary withOrder(double amount, LocalDateTime orderedAt) {
        PurchaseSummary timed = withOrderTime(orderedAt);
        return new PurchaseSummary(customerId, orders + 1, spend + amount, timed.firstOrderAt, timed.lastOrderAt, sessions);
    }

    /** An order placed at orderedAt, cancelled already: it moves the order times only. */
    public PurchaseSummary withOrderTime(LocalDateTime orderedAt) {
        return new PurchaseSummary(customerId, orders, spend,
                firstOrderAt == null || orderedAt.isBefore(firstOrderAt) ? orderedAt : firstOrderAt,
                lastOrderAt == null || orderedAt.isAfter(lastOrderAt) ? orderedAt : lastOrderAt, sessions);
    }

    /** An order counted before was cancelled; its times stay (the customer did order then). */
    public PurchaseSummary withoutOrder(double amount) {
        return new PurchaseSummary(customerId, Math.max(0, orders - 1), spend - amount, firstOrderAt, lastOrderAt, sessions);
    }

    /** An event can be older than the reference time (an order placed later than it happened): never negative. */
    private static double daysBetween(LocalDateTime from, LocalDateTime to) {
        return Math.max(0, Duration.between(from, to).toMillis() / MILLIS_PER_DAY);
    }
}
