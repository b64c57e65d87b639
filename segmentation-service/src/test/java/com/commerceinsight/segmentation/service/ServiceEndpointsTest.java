package com.commerceinsight.segmentation.service;

import com.commerceinsight.apikit.testing.ServiceEndpointsContract;

import io.quarkus.test.junit.QuarkusTest;

/** The management endpoints every service has (api-kit's ServiceEndpointsContract), on segmentation-service. */
@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String serviceName() {
        return "segmentation-service";
    }
}
