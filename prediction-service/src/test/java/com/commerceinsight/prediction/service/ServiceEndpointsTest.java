package com.commerceinsight.prediction.service;

import com.commerceinsight.apikit.testing.ServiceEndpointsContract;

import io.quarkus.test.junit.QuarkusTest;

/** The management endpoints every service has (api-kit's ServiceEndpointsContract), on prediction-service. */
@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "prediction-service";
    }
}
