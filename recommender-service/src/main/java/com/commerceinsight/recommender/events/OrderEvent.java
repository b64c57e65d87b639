package com.commerceinsight.recommender.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of the topic commerce.orders.v1 as this service reads it (contract:
 * deploy/events/commerce.orders.v1.schema.json). customerId is null for an anonymous sale.
 */
public record OrderEvent(UUID eventId, Instant occurredAt, Long customerId, long orderId, EventData data) {

    /** The contract version this service reads; another version needs another topic. */
    public static final int SCHEMA_VERSION = 1;

    /** The data of one event type; its simple name is the event type. */
    public sealed interface EventData permits OrderPlaced, PaymentStatusChanged, OrderStatusChanged {
    }

    public String eventType() {
        return data.getClass().getSimpleName();
    }
}
