package com.commerceinsight.prediction.training;

import jakarta.inject.Inject;

import com.commerceinsight.orderevents.lease.LeaseHeldElsewhereContract;
import com.commerceinsight.prediction.models.ModelVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** One training at a time across replicas (order-events' LeaseHeldElsewhereContract): a skipped run trains nothing. */
@QuarkusTest
class TrainingLeaseTest extends LeaseHeldElsewhereContract {

    @Inject
    TrainingJobs jobs;

    TrainingLeaseTest() {
        super(TrainingLease.TABLE, TrainingLease.REPURCHASE);
    }

    @Override
    protected RunOutcome runHere() {
        TrainingJob job = jobs.runHere(new TrainingRequest(null, null, null, null));
        return new RunOutcome(job.status, job.finishedAt != null);
    }

    @Override
    protected long results() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.count());
    }
}
