package com.commerceinsight.recommender.activity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.test.Mock;

/** Stands in for the Kafka dead-letter channel in tests (there is no broker): keeps what would have been sent. */
@Mock
@ApplicationScoped
public class CapturedDeadLetters extends DeadLetterPublisher {

    public record DeadLetter(long offset, String value, String reason) {
    }

    private final List<DeadLetter> sent = new CopyOnWriteArrayList<>();

    public CapturedDeadLetters() {
        super(null);
    }

    @Override
    public void send(ConsumerRecord<String, String> record, String reason) {
        sent.add(new DeadLetter(record.offset(), record.value(), reason));
    }

    public List<DeadLetter> sent() {
        return sent;
    }
}
