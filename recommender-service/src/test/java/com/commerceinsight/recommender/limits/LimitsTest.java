package com.commerceinsight.recommender.limits;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.commerceinsight.apikit.testing.LimitsContract;
import com.commerceinsight.recommender.training.TrainingJob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** api-kit's LimitsContract on recommender-service: the activation allowance and the training queue of one. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest extends LimitsContract {

    @Override
    protected String apiRoot() {
        return "/api/recommendations";
    }

    @Override
    protected Runnable queueOneJob() {
        TrainingJob waiting = new TrainingJob();
        waiting.id = UUID.randomUUID().toString();
        waiting.status = TrainingJob.Status.QUEUED;
        waiting.trigger = TrainingJob.Trigger.API;
        waiting.requestJson = "{}";
        waiting.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(waiting::persist);
        return () -> QuarkusTransaction.requiringNew().run(() -> TrainingJob.deleteById(waiting.id));
    }
}
