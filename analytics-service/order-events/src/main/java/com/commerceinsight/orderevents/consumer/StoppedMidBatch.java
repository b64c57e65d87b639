package com.commerceinsight.orderevents.consumer;

/**
 * A batch failed after the application had begun to stop. Its events are not at fault (the datasource or Hibernate
 * is closing under them), so they are neither dead-lettered nor acknowledged: with the channel's {@code fail} strategy
 * their offsets stay uncommitted, and whoever owns the partition next applies them (idempotently, by event id).
 */
public class StoppedMidBatch extends RuntimeException {

    StoppedMidBatch(int events, Throwable failure) {
        super("the application began to stop while a batch of " + events + " events was applied; left unacknowledged", failure);
    }
}
