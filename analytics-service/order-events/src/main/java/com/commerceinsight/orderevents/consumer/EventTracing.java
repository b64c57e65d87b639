package com.commerceinsight.orderevents.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Continues each event's trace in the consumer: the producer's traceparent header (the order's HTTP request, through
 * the outbox row) becomes the parent of a CONSUMER span that lasts while the batch holding the event is handled. One
 * span per event, not one per batch, so each order's trace shows every service that applied it.
 */
final class EventTracing {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("com.commerceinsight.order-events");
    }

    /** Starts the processing span of one record of a batch of {@code batchSize}; the caller ends it. */
    Span startProcessing(ConsumerRecord<String, String> record, int batchSize) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.batch.message_count", batchSize)
                .startSpan();
    }
}
