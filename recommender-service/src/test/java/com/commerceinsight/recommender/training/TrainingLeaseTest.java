package com.commerceinsight.recommender.training;

import jakarta.inject.Inject;

import com.commerceinsight.orderevents.lease.LeaseHeldElsewhereContract;
import com.commerceinsight.recommender.models.ModelVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** One training at a time across replicas (order-events' LeaseHeldElsewhereContract): a skipped run trains nothing. */
@QuarkusTest
class TrainingLeaseTest extends LeaseHeldElsewhereContract {

    @Inject
    TrainingJobs jobs;

    TrainingLeaseTest() {
        super(TrainingLease.TABLE, TrainingLease.RECOMMENDER);
    }

    @Override
    protected RunOutcome runHere() {
        TrainingJobView job = jobs.runHere(null, TrainingJob.Trigger.COMMAND);
        return new RunOutcome(job.status().name(), job.finishedAt() != null);
    }

    @Override
    protected long results() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
    }
}
