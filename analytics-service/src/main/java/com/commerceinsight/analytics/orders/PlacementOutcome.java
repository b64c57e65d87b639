package com.commerceinsight.analytics.orders;

import com.commerceinsight.analytics.problem.UnknownReferenceException;

/** What became of one order of a batch: accepted, or refused for an unknown customer or product. */
public record PlacementOutcome(OrderAccepted accepted, UnknownReferenceException refusal) {

    static PlacementOutcome accepted(OrderAccepted accepted) {
        return new PlacementOutcome(accepted, null);
    }

    static PlacementOutcome refused(UnknownReferenceException refusal) {
        return new PlacementOutcome(null, refusal);
    }

    /** The accepted order; the refusal is thrown. */
    public OrderAccepted acceptedOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return accepted;
    }
}
