package com.commerceinsight.segmentation.limits;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.fuzz.ApiFuzzer;
import com.commerceinsight.apikit.fuzz.FuzzReport;
import com.commerceinsight.apikit.testing.TestTokens;
import com.commerceinsight.segmentation.training.PlantedShop;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Requests generated from the service's own OpenAPI document, against the planted shop with an active model (without
 * one, the segment operations answer 404 before they look at their parameters).
 */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fuzzedRequestsNeverFailOnTheServerAndEveryRejectionIsAProblem() throws Exception {
        ensureActiveModel();
        URI base = root.toURI();
        FuzzReport report = ApiFuzzer.of("segmentation-service", base)
                .openApi(management.toURI().resolve("/q/openapi?format=json"))
                // every role but shopper: the fuzzer tests input handling, the authorization test tests roles
                .headers(() -> Map.of("Authorization", "Bearer " + TestTokens.staff()))
                .seed(24)
                .requests(1_200)
                .validationOnly("POST", "/api/segments/training-jobs", "starts a training: only requests that must fail binding")
                .run();
        report.print(System.out);

        assertThat(report.sent()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.ofClass(2)).as("some requests get through to the operations").isPositive();
        assertThat(report.findings()).isEmpty();
    }

    private void ensureActiveModel() throws Exception {
        PlantedShop.ensure(dataSource);
        if (asStaff().when().get("/api/segments/models/active").statusCode() == 200) {
            return;
        }
        String location = asStaff().contentType("application/json")
                .body("{\"snapshotAt\": \"" + PlantedShop.SNAPSHOT.toInstant(ZoneOffset.UTC) + "\"}")
                .post("/api/segments/training-jobs").then().statusCode(202).extract().header("Location");
        JsonPath job = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos(); System.nanoTime() < deadline; Thread.sleep(100)) {
            job = asStaff().get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                break;
            }
        }
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
    }
}
