package com.commerceinsight.recommender.service;

import static com.commerceinsight.apikit.security.Roles.ML_ENGINEER;
import static com.commerceinsight.apikit.security.Roles.SHOPPER;
import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

import com.commerceinsight.apikit.testing.AuthorizationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what on recommender-service: the table below is the rule (README: Endpoints); api-kit's
 * AuthorizationContract walks every operation of the OpenAPI document against it.
 */
@QuarkusTest
class AuthorizationTest extends AuthorizationContract {

    static final Map<String, Set<String>> RULES = Map.ofEntries(
            entry("GET /api/recommendations/customers/me", Set.of(SHOPPER)),
            entry("GET /api/recommendations/customers/{customerId}", READERS),
            entry("GET /api/recommendations/customers/me/buy-again", Set.of(SHOPPER)),
            entry("GET /api/recommendations/customers/{customerId}/buy-again", READERS),
            entry("GET /api/recommendations/products/{productId}/similar", READERS),
            entry("POST /api/recommendations/training-jobs", Set.of(ML_ENGINEER)),
            entry("GET /api/recommendations/training-jobs", READERS),
            entry("GET /api/recommendations/training-jobs/{id}", READERS),
            entry("GET /api/recommendations/models", READERS),
            entry("GET /api/recommendations/models/active", READERS),
            entry("GET /api/recommendations/models/{id}", READERS),
            entry("POST /api/recommendations/models/{id}/activation", Set.of(ML_ENGINEER)),
            entry("POST /api/recommendations/models/{id}/activate", Set.of(ML_ENGINEER)));

    @Override
    protected String serviceName() {
        return "recommender-service";
    }

    @Override
    protected Map<String, Set<String>> rules() {
        return RULES;
    }
}
