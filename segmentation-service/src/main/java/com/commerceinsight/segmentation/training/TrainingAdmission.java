package com.commerceinsight.segmentation.training;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.apikit.limits.JobQueueAdmission;
import com.commerceinsight.segmentation.limits.ApiLimits;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Bounds the training queue ({@link JobQueueAdmission}), counting the queued and running jobs of the job table. */
@ApplicationScoped
public class TrainingAdmission {

    private static final List<TrainingJob.Status> PENDING = List.of(TrainingJob.Status.QUEUED, TrainingJob.Status.RUNNING);

    private final JobQueueAdmission admission;

    public TrainingAdmission(ApiLimits limits) {
        this.admission = new JobQueueAdmission("training", limits.trainingQueue());
    }

    public TrainingJob admit(Supplier<TrainingJob> start) {
        return admission.admit(since -> QuarkusTransaction.requiringNew().call(
                () -> TrainingJob.count("status in ?1 and createdAt > ?2", PENDING, since)), start);
    }
}
