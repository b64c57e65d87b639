package com.commerceinsight.analytics.limits;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.commerceinsight.analytics.problem.QueueFullException;

/**
 * One worker thread with a bounded queue of waiting jobs: a job offered to a full queue is refused with
 * {@link QueueFullException} (503) instead of piling up in memory.
 */
public final class BoundedWorker {

    private final String jobName;
    private final ThreadPoolExecutor executor;

    public BoundedWorker(String threadName, String jobName, int queueCapacity) {
        this.jobName = jobName;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, queueCapacity)), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the job, or throws QueueFullException when the running one and a full queue are ahead of it. */
    public void submit(Runnable job) {
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            throw new QueueFullException(executor.getQueue().size() + " " + jobName + "s are already waiting behind the running one; "
                    + "retry when one has finished", Duration.ofSeconds(30));
        }
    }

    public void shutdownNow() {
        executor.shutdownNow();
    }
}
