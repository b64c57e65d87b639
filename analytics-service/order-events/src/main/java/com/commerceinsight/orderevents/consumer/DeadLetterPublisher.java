package com.commerceinsight.orderevents.consumer;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record that cannot be processed to the dead-letter topic (channel orders-dead-letters), with its original
 * key and value, the headers SmallRye's own dead-letter strategy writes (so both kinds of dead letter read the same),
 * and the name of the service that gave up on it.
 */
@ApplicationScoped
public class DeadLetterPublisher implements DeadLetterSink {

    private final MutinyEmitter<String> emitter;
    private final String serviceName;

    public DeadLetterPublisher(@Channel("orders-dead-letters") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.emitter = emitter;
        this.serviceName = serviceName;
    }

    /** Returns once the broker has acknowledged the dead letter, so the original's offset may be committed. */
    @Override
    public void send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "dead-letter-reason", reason);
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        header(headers, "dead-letter-service", serviceName);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
