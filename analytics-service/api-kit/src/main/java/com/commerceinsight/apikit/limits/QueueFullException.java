package com.commerceinsight.apikit.limits;

import java.time.Duration;

/** A bounded job queue that cannot take another job now: answered 503 with Retry-After, never queued without bound. */
public class QueueFullException extends RuntimeException {

    private final Duration retryAfter;

    public QueueFullException(String queue, long capacity, Duration retryAfter) {
        super("the " + queue + " queue holds its " + capacity + " job(s); retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1, for the Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
