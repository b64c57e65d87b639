package com.commerceinsight.analytics.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.commerceinsight.analytics.tracing.TraceParents;

/** The Kafka record of an outbox row: the one place that maps a row to what the relay sends. */
public final class OutboxRecords {

    private OutboxRecords() {
    }

    /**
     * The row's key and payload, the event id and type as headers, and the trace the row was written in as the W3C
     * traceparent header, which the consumers continue.
     */
    public static ProducerRecord<String, String> recordOf(OutboxMessage row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
        record.headers().add("event-id", row.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", row.eventType().getBytes(StandardCharsets.UTF_8));
        if (row.traceparent() != null) {
            record.headers().add(TraceParents.HEADER, row.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
