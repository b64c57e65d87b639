package com.commerceinsight.orderevents;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event on {@link OrderEventTopic#NAME}: a unique id, its type, the contract version, when it happened, whose order
 * it is about (customerId null for an anonymous sale), and the type's data. Contract:
 * deploy/events/commerce.orders.v1.schema.json; {@link OrderEventParser} reads a message into this record.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, Long customerId,
        long orderId, EventData data) {

    /** The data of one event type; its simple name is the event type. */
    public sealed interface EventData permits OrderPlaced, PaymentStatusChanged, OrderStatusChanged {
    }

    /** A new event of the current contract version; its type is the data's. */
    public static OrderEvent of(UUID eventId, Instant occurredAt, Long customerId, long orderId, EventData data) {
        return new OrderEvent(eventId, data.getClass().getSimpleName(), OrderEventTopic.SCHEMA_VERSION, occurredAt, customerId,
                orderId, data);
    }

    /** The Kafka message key: the customer, so one customer's events stay in order on one partition. */
    @JsonIgnore
    public String messageKey() {
        return customerId == null ? OrderEventTopic.ANONYMOUS_KEY : customerId.toString();
    }
}
