package com.commerceinsight.analytics.idempotency;

/** An answer, and whether it is the stored first answer to a retried request rather than a new one. */
public record Replayable<T>(T answer, boolean replayed) {

    /** The response header that marks a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
}
