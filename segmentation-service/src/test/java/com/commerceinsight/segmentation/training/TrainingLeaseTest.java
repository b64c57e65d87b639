package com.commerceinsight.segmentation.training;

import jakarta.inject.Inject;

import com.commerceinsight.orderevents.lease.LeaseHeldElsewhereContract;
import com.commerceinsight.segmentation.models.SegmentationModel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** One training at a time across replicas (order-events' LeaseHeldElsewhereContract): a skipped run trains nothing. */
@QuarkusTest
class TrainingLeaseTest extends LeaseHeldElsewhereContract {

    @Inject
    TrainingJobs jobs;

    TrainingLeaseTest() {
        super(TrainingLease.TABLE, TrainingLease.SEGMENTATION);
    }

    @Override
    protected RunOutcome runHere() {
        TrainingJob job = jobs.runHere(null, TrainingJob.Trigger.COMMAND);
        return new RunOutcome(job.status.name(), job.finishedAt != null);
    }

    @Override
    protected long results() {
        return QuarkusTransaction.requiringNew().call(() -> SegmentationModel.count());
    }
}
