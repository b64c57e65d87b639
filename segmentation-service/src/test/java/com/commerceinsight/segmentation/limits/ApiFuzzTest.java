package com.commerceinsight.segmentation.limits;

import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import com.commerceinsight.apikit.testing.ApiFuzzContract;
import com.commerceinsight.segmentation.training.PlantedShop;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** api-kit's ApiFuzzContract on segmentation-service, against the planted shop. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected String serviceName() {
        return "segmentation-service";
    }

    @Override
    protected String apiRoot() {
        return "/api/segments";
    }

    @Override
    protected void ensureActiveModel() throws Exception {
        PlantedShop.ensure(dataSource);
        trainThroughTheApiUnlessActive("{\"snapshotAt\": \"" + PlantedShop.SNAPSHOT.toInstant(ZoneOffset.UTC) + "\"}",
                Duration.ofSeconds(90));
    }
}
