package com.commerceinsight.apikit.testing;

import static com.commerceinsight.apikit.security.Roles.ANALYST;
import static com.commerceinsight.apikit.security.Roles.ML_ENGINEER;
import static com.commerceinsight.apikit.security.Roles.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Who may call what, for every operation of a service's OpenAPI document: the service's {@code AuthorizationTest}
 * gives the rule table (its README: Endpoints), the walk calls each operation without a token, with each role the
 * rule leaves out and with each it allows. An operation added without a rule fails the test.
 */
public abstract class AuthorizationContract {

    /** The staff roles that read every ML service's lists and models. */
    protected static final Set<String> READERS = Set.of(ANALYST, OPERATOR, ML_ENGINEER);

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The service's name, for the printed summary. */
    protected abstract String serviceName();

    /** The rule of every operation: {@code "GET /api/.../{id}"} to the roles allowed to call it. */
    protected abstract Map<String, Set<String>> rules();

    /** Waits for what the walk started (a real job behind an operation without input) to end; nothing by default. */
    protected void afterWalk() throws Exception {
    }

    @Test
    void everyOperationAnswersOnlyTheRolesItsRuleAllows() throws Exception {
        OperationAccessWalker walker = new OperationAccessWalker(api.toURI(),
                management.toURI().resolve("/q/openapi?format=json"));

        OperationAccessWalker.Report report = walker.walk(rules());
        afterWalk();

        System.out.println(serviceName() + " " + report.summary());
        assertThat(report.failures()).isEmpty();
        assertThat(report.covered()).isEqualTo(report.operations()).isEqualTo(rules().size());
    }
}
