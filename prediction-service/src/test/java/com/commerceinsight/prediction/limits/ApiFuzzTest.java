package com.commerceinsight.prediction.limits;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.fuzz.ApiFuzzer;
import com.commerceinsight.apikit.fuzz.FuzzReport;
import com.commerceinsight.apikit.testing.TestTokens;
import com.commerceinsight.prediction.training.GeneratedShopProfile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Requests generated from the service's own OpenAPI document, on the generated shop with an active model (without
 * one, scoring answers 503 by design, which would hide whatever else it does with bad input).
 */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void fuzzedRequestsNeverFailOnTheServerAndEveryRejectionIsAProblem() throws Exception {
        ensureActiveModel();
        URI base = root.toURI();
        FuzzReport report = ApiFuzzer.of("prediction-service", base)
                .openApi(management.toURI().resolve("/q/openapi?format=json"))
                // every role but shopper: the fuzzer tests input handling, the authorization test tests roles
                .headers(() -> Map.of("Authorization", "Bearer " + TestTokens.staff()))
                .seed(24)
                .requests(1_200)
                .validationOnly("POST", "/api/predictions/training-jobs", "starts a training: only requests that must fail binding")
                .run();
        report.print(System.out);

        assertThat(report.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.ofClass(2)).as("some requests get through to the operations").isPositive();
        assertThat(report.findings()).isEmpty();
    }

    /** The same training the model-life test starts, unless a model is active already. */
    private static void ensureActiveModel() throws InterruptedException {
        if (asStaff().when().get("/api/predictions/models/active").statusCode() == 200) {
            return;
        }
        String location = asStaff().contentType(ContentType.JSON).body("{\"cutoff\": \"2024-10-01T00:00:00\", \"horizonDays\": 90}")
                .when().post("/api/predictions/training-jobs").then().statusCode(202).extract().header("Location");
        JsonPath job = null;
        for (long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos(); System.nanoTime() < deadline; Thread.sleep(500)) {
            job = asStaff().when().get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                break;
            }
        }
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
    }
}
