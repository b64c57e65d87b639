package com.commerceinsight.recommender.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import com.commerceinsight.apikit.testing.ApiFuzzContract;
import com.commerceinsight.recommender.models.ModelRegistry;
import com.commerceinsight.recommender.training.PlantedShop;
import com.commerceinsight.recommender.training.TrainingJob;
import com.commerceinsight.recommender.training.TrainingJobRequest;
import com.commerceinsight.recommender.training.TrainingJobView;
import com.commerceinsight.recommender.training.TrainingJobs;

import io.quarkus.test.junit.QuarkusTest;

/** api-kit's ApiFuzzContract on recommender-service, with a model trained in process on a planted shop's signals. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Inject
    TrainingJobs jobs;

    @Inject
    ModelRegistry registry;

    @Override
    protected String serviceName() {
        return "recommender-service";
    }

    @Override
    protected String apiRoot() {
        return "/api/recommendations";
    }

    @Override
    protected void ensureActiveModel() throws InterruptedException {
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
