package com.commerceinsight.prediction.scoring;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads this service's own {@value RepurchaseScoreEvent#TOPIC} (channel score-changes) in a consumer group of its own
 * per replica, so every replica sees every score: a customer rescored by any replica is evicted from this replica's
 * {@link ServingVectors}. Scores are published after their transaction commits, so the next request reads the new row.
 * Only the record key (the customer id) is needed.
 */
@ApplicationScoped
public class ScoreChangeListener {

    private static final Logger LOG = Logger.getLogger(ScoreChangeListener.class);

    private final ServingVectors vectors;

    public ScoreChangeListener(ServingVectors vectors) {
        this.vectors = vectors;
    }

    @Incoming("score-changes")
    public void scoresChanged(ConsumerRecords<String, String> records) {
        List<Long> customers = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                customers.add(Long.parseLong(record.key()));
            } catch (NumberFormatException e) {
                // not a score this service wrote; the staleness bound covers any customer it may have meant
                LOG.debugf("score record %s-%d@%d without a customer id key", record.topic(), record.partition(), record.offset());
            }
        }
        vectors.evict(customers);
    }
}
