package com.commerceinsight.analytics.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outbox rows the broker has acknowledged that the relay has not yet marked published in the database. Marking
 * costs a commit, and on a database that writes at every commit (the local H2 server) a commit is the scarce thing:
 * so the relay sends every round but marks only every {@link OutboxConfig#markInterval()} or once this many rows
 * wait, and leaves these rows out of its next reads meanwhile. If the relay stops before marking them, they are sent
 * again by the next holder of the lease: the consumers drop a repeated event by its id. Touched by the relay's loop
 * thread only.
 */
final class AwaitingMark {

    private final Set<Long> ids = new LinkedHashSet<>();
    private long oldestNanos;

    void addAll(Collection<Long> acknowledged, long nowNanos) {
        if (acknowledged.isEmpty()) {
            return;
        }
        if (ids.isEmpty()) {
            oldestNanos = nowNanos;
        }
        ids.addAll(acknowledged);
    }

    /** Whether the rows should be marked now: the oldest has waited the interval, or {@code most} rows wait. */
    boolean due(long nowNanos, Duration interval, int most) {
        return !ids.isEmpty() && (ids.size() >= most || nowNanos - oldestNanos >= interval.toNanos());
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    int size() {
        return ids.size();
    }

    /** The waiting ids, in the order they were acknowledged. */
    List<Long> ids() {
        return new ArrayList<>(ids);
    }

    void clear() {
        ids.clear();
    }
}
