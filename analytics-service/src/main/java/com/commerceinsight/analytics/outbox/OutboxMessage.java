package com.commerceinsight.analytics.outbox;

/**
 * An outbox row waiting for publication: what the relay sends, and the id it marks published. traceparent: the W3C
 * trace context the row was written in, or null.
 */
public record OutboxMessage(long id, String eventId, String eventType, String topic, String messageKey, String payload,
        String traceparent) {
}
