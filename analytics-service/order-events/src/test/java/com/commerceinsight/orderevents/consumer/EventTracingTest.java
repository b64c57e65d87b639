package com.commerceinsight.orderevents.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventTopic;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** A consumer continues the trace the producer put in the record's traceparent header, one span per event. */
class EventTracingTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCER_SPAN_ID = "00f067aa0ba902b7";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();

    @Test
    void theHandlingOfAnEventIsAChildOfTheSpanThatWroteItsRecord() throws Exception {
        List<List<OrderEvent>> applied = new ArrayList<>();
        ConsumerRecord<String, String> traced = record(0, "00-" + TRACE_ID + "-" + PRODUCER_SPAN_ID + "-01");
        ConsumerRecord<String, String> untraced = record(1, null);

        new OrderEventConsumer(10, applied::add, (record, reason) -> { }, openTelemetry).consume(batch(traced, untraced));

        assertThat(applied).hasSize(1);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(2);
        SpanData continued = spans.stream().filter(s -> s.getTraceId().equals(TRACE_ID)).findFirst().orElseThrow();
        assertThat(continued.getParentSpanId()).isEqualTo(PRODUCER_SPAN_ID);
        assertThat(continued.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(continued.getName()).isEqualTo(OrderEventTopic.NAME + " process");
        assertThat(continued.getAttributes().asMap().values()).contains(2L);
        SpanData fresh = spans.stream().filter(s -> !s.getTraceId().equals(TRACE_ID)).findFirst().orElseThrow();
        assertThat(fresh.getParentSpanContext().isValid()).as("no header: a trace of its own").isFalse();
    }

    private static ConsumerRecord<String, String> record(long offset, String traceparent) throws Exception {
        OrderEvent event = OrderEvent.of(UUID.randomUUID(), Instant.parse("2024-05-01T10:00:00Z"), 7L, 100 + offset,
                new OrderStatusChanged("approved", "pending", new java.math.BigDecimal("1.00")));
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(OrderEventTopic.NAME, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, "7",
                JSON.writeValueAsString(event), headers, java.util.Optional.empty());
    }

    @SafeVarargs
    private static ConsumerRecords<String, String> batch(ConsumerRecord<String, String>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(OrderEventTopic.NAME, 0), List.of(records)), Map.of());
    }
}
