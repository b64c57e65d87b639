package com.commerceinsight.recommender.service;

import com.commerceinsight.apikit.testing.ServiceEndpointsContract;

import io.quarkus.test.junit.QuarkusTest;

/** The management endpoints every service has (api-kit's ServiceEndpointsContract), on recommender-service. */
@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "recommender-service";
    }
}
