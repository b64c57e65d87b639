package com.commerceinsight.prediction.scoring;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes new scores (channel repurchase-scores) after their transaction committed. The stored score is the
 * source of truth; a message lost while the broker is away is superseded by the customer's next score.
 */
@ApplicationScoped
public class ScorePublisher {

    private static final Logger LOG = Logger.getLogger(ScorePublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;

    public ScorePublisher(@Channel("repurchase-scores") MutinyEmitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public void publish(List<RepurchaseScoreEvent> scores) {
        for (RepurchaseScoreEvent score : scores) {
            try {
                OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(Long.toString(score.customerId())).build();
                emitter.sendMessageAndForget(Message.of(json.writeValueAsString(score)).addMetadata(key));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warnf("score of customer %d not published: %s", score.customerId(), e.getMessage());
            }
        }
    }
}
