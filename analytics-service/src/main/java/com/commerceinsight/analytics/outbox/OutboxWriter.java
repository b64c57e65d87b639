package com.commerceinsight.analytics.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.commerceinsight.analytics.tracing.TraceParents;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventTopic;
import com.commerceinsight.analytics.ids.SequenceBlocks;
import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place that serialises order events: into outbox rows, inside the caller's transaction. The rows go out as
 * one JDBC batch on the transaction's connection rather than as entities: they are written once here and only read
 * (and marked published) by the relay, so the ORM's bookkeeping would buy nothing.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final List<BatchInserter.Column> COLUMNS = List.of(
            new BatchInserter.Column("id", Types.BIGINT),
            new BatchInserter.Column("event_id", Types.VARCHAR),
            new BatchInserter.Column("event_type", Types.VARCHAR),
            new BatchInserter.Column("topic", Types.VARCHAR),
            new BatchInserter.Column("message_key", Types.VARCHAR),
            new BatchInserter.Column("payload", Types.VARCHAR),
            new BatchInserter.Column("occurred_at", Types.TIMESTAMP),
            new BatchInserter.Column("traceparent", Types.VARCHAR));

    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final SequenceBlocks ids;

    public OutboxWriter(ObjectMapper json, EntityManager entityManager, SequenceBlocks ids) {
        this.json = json;
        this.entityManager = entityManager;
        this.ids = ids;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OrderEvent event) {
        appendAll(List.of(event));
    }

    /** The events' rows, in list order (the relay publishes in id order), in the current trace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<OrderEvent> events) {
        appendAll(events, Collections.nCopies(events.size(), TraceParents.current()));
    }

    /**
     * The events' rows, in list order, each with the trace it belongs to (a W3C traceparent, or null): events written
     * together for several requests (the group commit) each go on in their own request's trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<OrderEvent> events, List<String> traceparents) {
        if (events.isEmpty()) {
            return;
        }
        List<String> payloads = events.stream().map(this::serialise).toList();
        entityManager.unwrap(Session.class).doWork(connection -> insert(connection, events, payloads, traceparents));
    }

    private void insert(Connection connection, List<OrderEvent> events, List<String> payloads, List<String> traceparents)
            throws SQLException {
        try (BatchInserter rows = new BatchInserter(connection, "commerce.outbox_event", COLUMNS)) {
            for (int i = 0; i < events.size(); i++) {
                OrderEvent event = events.get(i);
                rows.add(ids.next(connection, "commerce.outbox_event_seq"), event.eventId().toString(), event.eventType(),
                        OrderEventTopic.NAME, event.messageKey(), payloads.get(i),
                        event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDateTime(), traceparents.get(i));
            }
        }
    }

    private String serialise(OrderEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order event cannot be serialised", e);
        }
    }
}
