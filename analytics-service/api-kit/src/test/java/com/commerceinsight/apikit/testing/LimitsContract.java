package com.commerceinsight.apikit.testing;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;

/**
 * The limits every ML service puts on its API: a caller past its activation allowance gets a 429, a full training
 * queue a 503, both with Retry-After. Each service's {@code LimitsTest} runs these under its {@link Profile} and says
 * where its operations are and how a job waits in its queue.
 */
public abstract class LimitsContract {

    /** Rate limits on, with allowances small enough to run out in a test, and a training queue of one. */
    public abstract static class Profile implements QuarkusTestProfile {

        /** The prefix of the service's own configuration ({@code prediction}). */
        protected abstract String servicePrefix();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commerce.rate-limit.enabled", "true",
                    "commerce.rate-limit.activation.requests", "2",
                    "commerce.rate-limit.activation.period", "1h",
                    servicePrefix() + ".api.training-queue.capacity", "1",
                    servicePrefix() + ".api.training-queue.retry-after", "45s");
        }
    }

    /** The root of the service's API ({@code /api/predictions}), under which its models and training jobs are. */
    protected abstract String apiRoot();

    /** Puts one queued job in the job table, filling the profile's queue; answers how to take it out again. */
    protected abstract Runnable queueOneJob();

    /** The activation of a model version that does not exist: 404 while the allowance lasts. */
    private String activationOfAnUnknownModel() {
        return apiRoot() + "/models/99999999/activation";
    }

    private String trainingJobs() {
        return apiRoot() + "/training-jobs";
    }

    /** The jobs the service lists, as its API counts them. */
    private long trainingJobCount() {
        return asStaff().when().get(trainingJobs()).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aCallerPastTheActivationAllowanceGetsA429WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            asStaff().when().post(activationOfAnUnknownModel()).then().statusCode(404);
        }
        asStaff().when().post(activationOfAnUnknownModel())
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", not(equalTo("0"))).body("status", equalTo(429));
    }

    @Test
    void aFullTrainingQueueIsA503WithRetryAfterAndNoNewJob() {
        Runnable removeTheQueuedJob = queueOneJob();
        try {
            long before = trainingJobCount();
            asStaff().contentType(ContentType.JSON).body("{}").when().post(trainingJobs())
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("45"));
            assertThat(trainingJobCount()).isEqualTo(before);
        } finally {
            removeTheQueuedJob.run();
        }
    }
}
