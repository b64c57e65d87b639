package com.commerceinsight.analytics.orders;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/**
 * What became of one order of a batch: accepted (or, for a retry with an Idempotency-Key, the earlier acceptance
 * replayed), or refused for an unknown customer or product or a reused key.
 */
public record PlacementOutcome(OrderAccepted accepted, InvalidFieldException refusal, boolean replayed) {

    static PlacementOutcome accepted(OrderAccepted accepted) {
        return new PlacementOutcome(accepted, null, false);
    }

    static PlacementOutcome replayed(OrderAccepted accepted) {
        return new PlacementOutcome(accepted, null, true);
    }

    static PlacementOutcome refused(InvalidFieldException refusal) {
        return new PlacementOutcome(null, refusal, false);
    }

    /** The accepted order; the refusal is thrown. */
    public OrderAccepted acceptedOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return accepted;
    }
}
