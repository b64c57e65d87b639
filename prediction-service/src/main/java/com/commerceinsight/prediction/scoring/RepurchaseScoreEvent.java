package com.commerceinsight.prediction.scoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A customer's new repurchase score, published on {@value #TOPIC} keyed by customer id after an order event changed
 * their features. Contract: deploy/events/prediction.repurchase-scores.v1.schema.json.
 *
 * @param causedBy the order event that triggered the rescoring
 * @param asOf     the cutoff the features were computed at (UTC)
 */
public record RepurchaseScoreEvent(UUID eventId, int schemaVersion, Instant occurredAt, long customerId, long modelVersionId,
                                   double probability, boolean predictedRepurchase, double threshold, LocalDateTime asOf,
                                   UUID causedBy) {

    public static final String TOPIC = "prediction.repurchase-scores.v1";
    public static final int SCHEMA_VERSION = 1;
}
