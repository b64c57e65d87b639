package com.commerceinsight.analytics.outbox;

/** An outbox row waiting for publication: what the relay sends, and the id it marks published. */
public record OutboxMessage(long id, String eventId, String eventType, String topic, String messageKey, String payload) {
}
