package com.commerceinsight.analytics.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The envelope every event on {@link OrderEventTopic#NAME} has: a unique id, its type, the contract version, when
 * it happened, whose order it is about, and the type's data ({@link OrderPlaced}, {@link PaymentStatusChanged} or
 * {@link OrderStatusChanged}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, Long customerId,
        long orderId, EventData data) {

    /** The data of one event type; its simple name is the event type. */
    public sealed interface EventData permits OrderPlaced, PaymentStatusChanged, OrderStatusChanged {
    }

    public static OrderEvent of(Instant occurredAt, Long customerId, long orderId, EventData data) {
        return new OrderEvent(TimeOrderedIds.next(), data.getClass().getSimpleName(), OrderEventTopic.SCHEMA_VERSION,
                occurredAt, customerId, orderId, data);
    }

    /** The Kafka message key: the customer, so one customer's events stay in order on one partition. */
    public String messageKey() {
        return customerId == null ? OrderEventTopic.ANONYMOUS_KEY : customerId.toString();
    }
}
