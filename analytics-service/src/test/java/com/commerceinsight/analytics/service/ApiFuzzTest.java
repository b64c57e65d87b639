package com.commerceinsight.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.fuzz.ApiFuzzer;
import com.commerceinsight.apikit.fuzz.FuzzReport;
import com.commerceinsight.apikit.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Requests generated from the service's own OpenAPI document. */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void fuzzedRequestsNeverFailOnTheServerAndEveryRejectionIsAProblem() throws Exception {
        URI base = root.toURI();
        FuzzReport report = ApiFuzzer.of("analytics-service", base)
                .openApi(management.toURI().resolve("/q/openapi?format=json"))
                // every role but shopper: the fuzzer tests input handling, the authorization test tests roles
                .headers(() -> Map.of("Authorization", "Bearer " + TestTokens.staff()))
                .seed(24)
                .requests(1_500)
                .validationOnly("POST", "/api/analytics/imports", "starts an import: only requests that must fail binding")
                .exclude("POST", "/api/analytics/dashboards/summary-rebuilds",
                        "takes no input, so there is no validation to fuzz; every call rebuilds the summaries from all orders")
                .run();
        report.print(System.out);

        assertThat(report.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.ofClass(2)).as("some requests get through to the operations").isPositive();
        assertThat(report.findings()).isEmpty();
    }
}
