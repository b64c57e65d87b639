package com.commerceinsight.segmentation.training;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.apikit.limits.QueueFullException;
import com.commerceinsight.segmentation.limits.ApiLimits;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Bounds the training queue: a job is admitted only while fewer than the configured number are queued or running.
 * The count is read from the job table, so it holds across replicas; admission is serialised within a replica.
 */
@ApplicationScoped
public class TrainingAdmission {

    private static final List<TrainingJob.Status> PENDING = List.of(TrainingJob.Status.QUEUED, TrainingJob.Status.RUNNING);

    private final ApiLimits.TrainingQueue queue;

    public TrainingAdmission(ApiLimits limits) {
        this.queue = limits.trainingQueue();
    }

    public synchronized TrainingJob admit(Supplier<TrainingJob> start) {
        LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC).minus(queue.staleAfter());
        long pending = QuarkusTransaction.requiringNew().call(() -> TrainingJob.count("status in ?1 and createdAt > ?2", PENDING, since));
        if (pending >= queue.capacity()) {
            throw new QueueFullException("training", queue.capacity(), queue.retryAfter());
        }
        return start.get();
    }
}
