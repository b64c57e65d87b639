package com.commerceinsight.prediction.limits;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.commerceinsight.apikit.testing.LimitsContract;
import com.commerceinsight.prediction.training.TrainingJob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** api-kit's LimitsContract on prediction-service: the activation allowance and the training queue of one. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest extends LimitsContract {

    @Override
    protected String apiRoot() {
        return "/api/predictions";
    }

    @Override
    protected Runnable queueOneJob() {
        TrainingJob waiting = new TrainingJob();
        waiting.id = UUID.randomUUID().toString();
        waiting.status = TrainingJob.Status.QUEUED.name();
        waiting.stage = "queued";
        waiting.request = "{}";
        waiting.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(waiting::persist);
        return () -> QuarkusTransaction.requiringNew().run(() -> TrainingJob.deleteById(waiting.id));
    }
}
