package com.commerceinsight.apikit.testing;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.fuzz.ApiFuzzer;
import com.commerceinsight.apikit.fuzz.FuzzReport;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Requests generated from an ML service's own OpenAPI document (see {@link ApiFuzzer}), against an active model:
 * without one the serving operations answer 404 or 503 before they look at their parameters, which would hide
 * whatever else they do with bad input. Starting a training is fuzzed on its validation only.
 */
public abstract class ApiFuzzContract {

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The service's name, for the report. */
    protected abstract String serviceName();

    /** The root of the service's API ({@code /api/segments}), under which its training jobs and models are. */
    protected abstract String apiRoot();

    /** Makes sure a model is active before the requests are sent. */
    protected abstract void ensureActiveModel() throws Exception;

    @Test
    void fuzzedRequestsNeverFailOnTheServerAndEveryRejectionIsAProblem() throws Exception {
        ensureActiveModel();
        FuzzReport report = ApiFuzzer.of(serviceName(), root.toURI())
                .openApi(management.toURI().resolve("/q/openapi?format=json"))
                // every role but shopper: the fuzzer tests input handling, the authorization test tests roles
                .headers(() -> Map.of("Authorization", "Bearer " + TestTokens.staff()))
                .seed(24)
                .requests(1_200)
                .validationOnly("POST", apiRoot() + "/training-jobs", "starts a training: only requests that must fail binding")
                .run();
        report.print(System.out);

        assertThat(report.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.ofClass(2)).as("some requests get through to the operations").isPositive();
        assertThat(report.findings()).isEmpty();
    }

    /**
     * Unless a model is active already, trains one through the API (POST the request to the training jobs, follow the
     * job's Location) and waits at most {@code within} for it to succeed; the service activates what it trains.
     */
    protected void trainThroughTheApiUnlessActive(String trainingRequest, Duration within) throws InterruptedException {
        if (asStaff().when().get(apiRoot() + "/models/active").statusCode() == 200) {
            return;
        }
        String location = asStaff().contentType(ContentType.JSON).body(trainingRequest)
                .when().post(apiRoot() + "/training-jobs").then().statusCode(202).extract().header("Location");
        JsonPath job = null;
        for (long deadline = System.nanoTime() + within.toNanos(); System.nanoTime() < deadline; Thread.sleep(200)) {
            job = asStaff().when().get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                break;
            }
        }
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
    }
}
