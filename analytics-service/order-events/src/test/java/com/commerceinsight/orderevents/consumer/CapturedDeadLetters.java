package com.commerceinsight.orderevents.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.test.Mock;

/**
 * Stands in for the Kafka dead-letter channel in the consuming services' Quarkus tests (there is no broker): keeps what
 * would have been sent. Shipped in this module's test jar; a service indexes that jar in its test profile to have it.
 */
@Mock
@ApplicationScoped
public class CapturedDeadLetters implements DeadLetterSink {

    public record DeadLetter(long offset, String value, String reason) {
    }

    private final List<DeadLetter> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(ConsumerRecord<String, String> record, String reason) {
        sent.add(new DeadLetter(record.offset(), record.value(), reason));
    }

    public List<DeadLetter> sent() {
        return sent;
    }
}
