package com.commerceinsight.apikit.limits;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Bounds a job queue: a job is admitted only while fewer than {@link JobQueueLimits#capacity()} are queued or
 * running, else refused with a {@link QueueFullException}. The service counts its pending jobs in its job table, so
 * the bound holds across replicas; admission is serialised within a replica, so two requests cannot both take the
 * last place.
 */
public final class JobQueueAdmission {

    private final String queue;
    private final JobQueueLimits limits;

    /** @param queue the queue's name in the refusal ({@code training}) */
    public JobQueueAdmission(String queue, JobQueueLimits limits) {
        this.queue = queue;
        this.limits = limits;
    }

    /**
     * @param pendingSince the number of jobs queued or running that were created after the given time (UTC): older
     *                     ones are stale and do not count
     * @param start        queues the job; called only when there is room
     */
    public synchronized <T> T admit(ToLongFunction<LocalDateTime> pendingSince, Supplier<T> start) {
        LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC).minus(limits.staleAfter());
        if (pendingSince.applyAsLong(since) >= limits.capacity()) {
            throw new QueueFullException(queue, limits.capacity(), limits.retryAfter());
        }
        return start.get();
    }
}
