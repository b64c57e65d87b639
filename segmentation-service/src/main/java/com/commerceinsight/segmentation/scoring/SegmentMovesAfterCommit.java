package com.commerceinsight.segmentation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Hands the segment moves of a transaction to the publisher only once it commits, so a rolled back batch announces
 * nothing. A bean of its own, not an observer on the publisher: a test's stand-in for the publisher then replaces the
 * sending alone, and the real publisher, whose channel tests disable, is never created.
 */
@ApplicationScoped
class SegmentMovesAfterCommit {

    private final SegmentChangePublisher publisher;

    SegmentMovesAfterCommit(SegmentChangePublisher publisher) {
        this.publisher = publisher;
    }

    void publishCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SegmentChangePublisher.Moves moves) {
        publisher.publish(moves);
    }
}
