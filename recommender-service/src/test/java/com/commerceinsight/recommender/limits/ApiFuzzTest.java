package com.commerceinsight.recommender.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.fuzz.ApiFuzzer;
import com.commerceinsight.apikit.fuzz.FuzzReport;
import com.commerceinsight.apikit.testing.TestTokens;
import com.commerceinsight.recommender.models.ModelRegistry;
import com.commerceinsight.recommender.training.PlantedShop;
import com.commerceinsight.recommender.training.TrainingJob;
import com.commerceinsight.recommender.training.TrainingJobRequest;
import com.commerceinsight.recommender.training.TrainingJobView;
import com.commerceinsight.recommender.training.TrainingJobs;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests generated from the service's own OpenAPI document, against an active model (without one the serving
 * operations answer 503 by design, which would hide whatever else they do with bad input).
 */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    TrainingJobs jobs;

    @Inject
    ModelRegistry registry;

    @Test
    void fuzzedRequestsNeverFailOnTheServerAndEveryRejectionIsAProblem() throws Exception {
        ensureActiveModel();
        URI base = root.toURI();
        FuzzReport report = ApiFuzzer.of("recommender-service", base)
                .openApi(management.toURI().resolve("/q/openapi?format=json"))
                // every role but shopper: the fuzzer tests input handling, the authorization test tests roles
                .headers(() -> Map.of("Authorization", "Bearer " + TestTokens.staff()))
                .seed(24)
                .requests(1_200)
                .validationOnly("POST", "/api/recommendations/training-jobs", "starts a training: only requests that must fail binding")
                .run();
        report.print(System.out);

        assertThat(report.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.ofClass(2)).as("some requests get through to the operations").isPositive();
        assertThat(report.findings()).isEmpty();
    }

    private void ensureActiveModel() throws InterruptedException {
        if (registry.hasActive()) {
            return;
        }
        PlantedShop shop = new PlantedShop(600, 120, 4, 8, 24);
        TrainingJobView job = jobs.start(new TrainingJobRequest(null, 90, true), TrainingJob.Trigger.API, () -> shop.log);
        for (long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos(); System.nanoTime() < deadline; Thread.sleep(200)) {
            job = jobs.find(job.id());
            if (job.status() == TrainingJob.Status.SUCCEEDED || job.status() == TrainingJob.Status.FAILED) {
                break;
            }
        }
        assertThat(job.status()).isEqualTo(TrainingJob.Status.SUCCEEDED);
    }
}
