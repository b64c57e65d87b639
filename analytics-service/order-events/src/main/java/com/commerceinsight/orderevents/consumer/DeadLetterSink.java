package com.commerceinsight.orderevents.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record that can never be processed goes, with the reason; returns once it is safely there. */
@FunctionalInterface
public interface DeadLetterSink {

    void send(ConsumerRecord<String, String> record, String reason);
}
