package com.commerceinsight.segmentation.limits;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.commerceinsight.apikit.testing.LimitsContract;
import com.commerceinsight.segmentation.training.TrainingJob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** api-kit's LimitsContract on segmentation-service: the activation allowance and the training queue of one. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest extends LimitsContract {

    @Override
    protected String apiRoot() {
        return "/api/segments";
    }

    @Override
    protected Runnable queueOneJob() {
        TrainingJob waiting = new TrainingJob();
        waiting.status = TrainingJob.Status.QUEUED;
        waiting.trigger = TrainingJob.Trigger.API;
        waiting.stage = "queued";
        waiting.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(waiting::persist);
        return () -> QuarkusTransaction.requiringNew().run(() -> TrainingJob.deleteById(waiting.id));
    }
}
