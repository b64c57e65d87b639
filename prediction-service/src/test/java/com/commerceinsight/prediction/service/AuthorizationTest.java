package com.commerceinsight.prediction.service;

import static com.commerceinsight.apikit.security.Roles.ML_ENGINEER;
import static com.commerceinsight.apikit.security.Roles.SHOPPER;
import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

import com.commerceinsight.apikit.testing.AuthorizationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what on prediction-service: the table below is the rule (README: Endpoints); api-kit's
 * AuthorizationContract walks every operation of the OpenAPI document against it.
 */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    static final Map<String, Set<String>> RULES = Map.ofEntries(
            entry("GET /api/predictions/customers/me/repurchase", Set.of(SHOPPER)),
            entry("GET /api/predictions/customers/{customerId}/repurchase", READERS),
            entry("GET /api/predictions/customers/{customerId}/repurchase/latest", READERS),
            entry("GET /api/predictions/customers/me/lifetime", Set.of(SHOPPER)),
            entry("GET /api/predictions/customers/{customerId}/lifetime", READERS),
            entry("POST /api/predictions/scores", READERS),
            entry("GET /api/predictions/features", READERS),
            entry("POST /api/predictions/training-jobs", Set.of(ML_ENGINEER)),
            entry("GET /api/predictions/training-jobs", READERS),
            entry("GET /api/predictions/training-jobs/{id}", READERS),
            entry("GET /api/predictions/models", READERS),
            entry("GET /api/predictions/models/active", READERS),
            entry("GET /api/predictions/models/{id}", READERS),
            entry("POST /api/predictions/models/{id}/activation", Set.of(ML_ENGINEER)));

    @Override
    protected String serviceName() {
        return "prediction-service";
    }

    @Override
    protected Map<String, Set<String>> rules() {
        return RULES;
    }
}
