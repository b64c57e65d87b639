package com.commerceinsight.segmentation.scoring;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Publishes segment moves (channel segment-changes), handed over by {@link SegmentMovesAfterCommit} once the
 * transaction that made them commits. Sending is asynchronous; a move lost to a broker failure is not re-sent (the
 * customer's current segment stays readable over the API).
 */
@ApplicationScoped
public class SegmentChangePublisher {

    private static final Logger LOG = Logger.getLogger(SegmentChangePublisher.class);

    private final Emitter<Record<String, SegmentChange>> emitter;

    public SegmentChangePublisher(@Channel("segment-changes") Emitter<Record<String, SegmentChange>> emitter) {
        this.emitter = emitter;
    }

    /** The moves of one committed batch. */
    public record Moves(List<SegmentChange> changes) {
    }

    void publish(Moves moves) {
        for (SegmentChange change : moves.changes()) {
            emitter.send(Record.of(Long.toString(change.customerId()), change)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf(failure, "segment change of customer %d not published", change.customerId());
                }
            });
        }
    }
}
