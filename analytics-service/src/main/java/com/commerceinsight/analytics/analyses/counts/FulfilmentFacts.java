package com.commerceinsight.analytics.analyses.counts;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * What one sale adds to the fulfilment times: milliseconds from order to shipment and to delivery (null where not
 * known), whether its delivery had an estimate and came after it, and whether a time lies before the order time (then
 * nothing else of it counts). The one place these are worked out, for the kept rows and for the count from the orders.
 */
public record FulfilmentFacts(Long shipMillis, Long deliveryMillis, boolean estimated, boolean late, boolean inconsistent) {

    public static final long MILLIS_PER_HOUR = 3_600_000L;

    public static FulfilmentFacts of(LocalDateTime ordered, LocalDateTime shipped, LocalDateTime delivered, LocalDateTime estimatedDelivery) {
        if (shipped != null && shipped.isBefore(ordered) || delivered != null && delivered.isBefore(ordered)) {
            return new FulfilmentFacts(null, null, false, false, true);
        }
        boolean estimated = delivered != null && estimatedDelivery != null;
        return new FulfilmentFacts(shipped == null ? null : Duration.between(ordered, shipped).toMillis(),
                delivered == null ? null : Duration.between(ordered, delivered).toMillis(),
                estimated, estimated && delivered.isAfter(estimatedDelivery), false);
    }

    public static double hours(long millis) {
        return millis / (double) MILLIS_PER_HOUR;
    }
}
