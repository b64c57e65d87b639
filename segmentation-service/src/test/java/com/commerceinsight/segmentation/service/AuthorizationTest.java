package com.commerceinsight.segmentation.service;

import static com.commerceinsight.apikit.security.Roles.ML_ENGINEER;
import static com.commerceinsight.apikit.security.Roles.SHOPPER;
import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

import com.commerceinsight.apikit.testing.AuthorizationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what on segmentation-service: the table below is the rule (README: Endpoints); api-kit's
 * AuthorizationContract walks every operation of the OpenAPI document against it.
 */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    static final Map<String, Set<String>> RULES = Map.ofEntries(
            entry("GET /api/segments", READERS),
            entry("GET /api/segments/{segmentId}/customers", READERS),
            entry("GET /api/segments/customers/me", Set.of(SHOPPER)),
            entry("GET /api/segments/customers/{customerId}", READERS),
            entry("GET /api/segments/projection", READERS),
            entry("GET /api/segments/rfm-map", READERS),
            entry("GET /api/segments/transitions", READERS),
            entry("POST /api/segments/training-jobs", Set.of(ML_ENGINEER)),
            entry("GET /api/segments/training-jobs", READERS),
            entry("GET /api/segments/training-jobs/{id}", READERS),
            entry("GET /api/segments/models", READERS),
            entry("GET /api/segments/models/active", READERS),
            entry("GET /api/segments/models/{id}", READERS),
            entry("POST /api/segments/models/{id}/activation", Set.of(ML_ENGINEER)));

    @Override
    protected String serviceName() {
        return "segmentation-service";
    }

    @Override
    protected Map<String, Set<String>> rules() {
        return RULES;
    }
}
