package com.commerceinsight.deploy;

import java.util.List;

/** The four services as the architecture names them: port and gateway path prefix (DESIGN.md, "Shape"). */
record ServiceContract(String name, int port, String pathPrefix) {

    /** Every pod's management interface (health, metrics, OpenAPI): never behind a Service port or a route. */
    static final int MANAGEMENT_PORT = 9000;

    static final List<ServiceContract> ALL = List.of(
            new ServiceContract("analytics-service", 8081, "/api/analytics"),
            new ServiceContract("prediction-service", 8082, "/api/predictions"),
            new ServiceContract("segmentation-service", 8083, "/api/segments"),
            new ServiceContract("recommender-service", 8084, "/api/recommendations"));
}
