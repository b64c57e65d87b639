package com.commerceinsight.segmentation.service;

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

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void everyOperationAnswersOnlyTheRolesItsRuleAllows() throws Exception {
        OperationAccessWalker walker = new OperationAccessWalker(api.toURI(),
                management.toURI().resolve("/q/openapi?format=json"));

        OperationAccessWalker.Report report = walker.walk(RULES);

        System.out.println("segmentation-service " + report.summary());
        assertThat(report.failures()).isEmpty();
        assertThat(report.covered()).isEqualTo(report.operations()).isEqualTo(RULES.size());
    }
}
