package com.commerceinsight.apikit.training;

import java.time.LocalDateTime;

import com.commerceinsight.apikit.paging.Page;

/**
 * A service's training jobs, as its API reads them.
 *
 * @param <V> the service's view of a job
 * @param <R> the service's training request (null when the caller sent no body: the service's defaults)
 */
public interface TrainingJobQueue<V, R> {

    /** Queues a job for this request and answers it as queued. */
    V start(R request);

    /** The job's id, for the Location of its answer. */
    String idOf(V job);

    /** One job with its progress and, when done, its report; 404 when there is none with this id. */
    V find(String id);

    /** Jobs, newest first; a page past the last one is checked by the caller. */
    Page<V> list(int page, int size);

    /** How many jobs created after this time (UTC) are queued or running: what the queue holds (older ones are stale). */
    long pendingSince(LocalDateTime since);
}
