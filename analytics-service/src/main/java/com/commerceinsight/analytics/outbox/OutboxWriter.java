package com.commerceinsight.analytics.outbox;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.commerceinsight.analytics.events.OrderEvent;
import com.commerceinsight.analytics.events.OrderEventTopic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one place that serialises order events: into an outbox row, inside the caller's transaction. */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OrderEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId().toString();
        row.eventType = event.eventType();
        row.topic = OrderEventTopic.NAME;
        row.messageKey = event.messageKey();
        row.occurredAt = event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDateTime();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order event cannot be serialised", e);
        }
        row.persist();
    }
}
