package com.commerceinsight.prediction.limits;

import java.time.Duration;

import com.commerceinsight.apikit.testing.ApiFuzzContract;
import com.commerceinsight.prediction.training.GeneratedShopProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** api-kit's ApiFuzzContract on prediction-service, on the generated shop. */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected String serviceName() {
        return "prediction-service";
    }

    @Override
    protected String apiRoot() {
        return "/api/predictions";
    }

    /** The same training the model-life test starts. */
    @Override
    protected void ensureActiveModel() throws InterruptedException {
        trainThroughTheApiUnlessActive("{\"cutoff\": \"2024-10-01T00:00:00\", \"horizonDays\": 90}", Duration.ofMinutes(5));
    }
}
