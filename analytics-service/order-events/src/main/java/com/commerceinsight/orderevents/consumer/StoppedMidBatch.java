package com.commerceinsight.orderevents.consumer;

/**
 * A batch arrived, or failed, after the application had begun to stop. Its events are not at fault (the datasource or
 * Hibernate is closing under them), so they are neither dead-lettered nor acknowledged: with the channel's {@code fail}
 * strategy their offsets stay uncommitted, and whoever owns the partition next applies them (idempotently, by event id).
 */
public class StoppedMidBatch extends RuntimeException {

    StoppedMidBatch(int events, Throwable failure) {
        super("the application is stopping: a batch of " + events + " events is left unacknowledged", failure);
    }
}
