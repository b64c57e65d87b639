package com.commerceinsight.segmentation.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.fuzz.ApiFuzzer;
import com.commerceinsight.apikit.fuzz.FuzzReport;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Requests generated from the service's own OpenAPI document. */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void fuzzedRequestsNeverFailOnTheServerAndEveryRejectionIsAProblem() throws Exception {
        URI base = root.toURI();
        FuzzReport report = ApiFuzzer.of("segmentation-service", base)
                .openApi(base.resolve("/q/openapi?format=json"))
                // no bearer token until the API asks for one; then a supplier of the Authorization header goes here
                .headers(Map::of)
                .seed(24)
                .requests(1_200)
                .validationOnly("POST", "/api/segments/training-jobs", "starts a training: only requests that must fail binding")
                .run();
        report.print(System.out);

        assertThat(report.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.ofClass(2)).as("some requests get through to the operations").isPositive();
        assertThat(report.findings()).isEmpty();
    }
}
