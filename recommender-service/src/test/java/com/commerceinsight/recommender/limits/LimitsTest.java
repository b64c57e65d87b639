package com.commerceinsight.recommender.limits;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.training.TrainingJob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(LimitsProfile.class)
class LimitsTest {

    @Test
    void aCallerPastTheActivationAllowanceGetsA429WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            asStaff().when().post("/api/recommendations/models/no-such-version/activation").then().statusCode(404);
        }
        asStaff().when().post("/api/recommendations/models/no-such-version/activation")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", not(equalTo("0"))).body("status", equalTo(429));
    }

    @Test
    void aFullTrainingQueueIsA503WithRetryAfterAndNoNewJob() {
        TrainingJob waiting = new TrainingJob();
        waiting.id = UUID.randomUUID().toString();
        waiting.status = TrainingJob.Status.QUEUED;
        waiting.trigger = TrainingJob.Trigger.API;
        waiting.requestJson = "{}";
        waiting.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(waiting::persist);
        try {
            long before = QuarkusTransaction.requiringNew().call(() -> TrainingJob.count());
            asStaff().contentType(ContentType.JSON).body("{}").when().post("/api/recommendations/training-jobs")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("45"));
            long after = QuarkusTransaction.requiringNew().call(() -> TrainingJob.count());
            org.assertj.core.api.Assertions.assertThat(after).isEqualTo(before);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingJob.deleteById(waiting.id));
        }
    }
}
