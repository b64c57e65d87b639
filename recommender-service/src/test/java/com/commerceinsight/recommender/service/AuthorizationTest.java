package com.commerceinsight.recommender.service;

import static com.commerceinsight.apikit.security.Roles.ANALYST;
import static com.commerceinsight.apikit.security.Roles.ML_ENGINEER;
import static com.commerceinsight.apikit.security.Roles.OPERATOR;
import static com.commerceinsight.apikit.security.Roles.SHOPPER;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.testing.OperationAccessWalker;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what, for every operation of this service's OpenAPI document: the table below is the rule (README:
 * Endpoints), the walk calls each operation without a token, with each role the rule leaves out and with each it
 * allows. An operation added without a rule here fails this test.
 */
@QuarkusTest
class AuthorizationTest {

    private static final Set<String> READERS = Set.of(ANALYST, OPERATOR, ML_ENGINEER);

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

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void everyOperationAnswersOnlyTheRolesItsRuleAllows() throws Exception {
        OperationAccessWalker walker = new OperationAccessWalker(api.toURI(),
                management.toURI().resolve("/q/openapi?format=json"));

        OperationAccessWalker.Report report = walker.walk(RULES);

        System.out.println("recommender-service " + report.summary());
        assertThat(report.failures()).isEmpty();
        assertThat(report.covered()).isEqualTo(report.operations()).isEqualTo(RULES.size());
    }
}
