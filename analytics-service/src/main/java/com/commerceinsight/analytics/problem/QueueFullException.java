package com.commerceinsight.analytics.problem;

import java.time.Duration;

/** A job could not be queued because its bounded queue is full: 503 with a Retry-After. */
public class QueueFullException extends RuntimeException {

    private final Duration retryAfter;

    public QueueFullException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
