package com.commerceinsight.analytics.imports.jobs;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ImportJobResourceTest {

    @Test
    void aJobImportsTheSeedShopAndReportsEveryFile() throws Exception {
        String location = asStaff().contentType(ContentType.JSON)
                .body("{\"format\":\"seed-shop\",\"path\":\"seed-shop\",\"dataSource\":\"seed-shop-api\"}")
                .when().post("/api/analytics/imports")
                .then().statusCode(202)
                .body("status", equalTo("QUEUED"))
                .extract().header("Location");

        ValidatableResponse done = awaitEnd(location);
        // 106,537 = the sum of the 14 record counts in the seed-shop README.
        done.body("status", equalTo("SUCCEEDED"))
                .body("recordsRead", equalTo(106_537))
                .body("recordsLoaded", equalTo(106_537))
                .body("recordsRejected", equalTo(0))
                .body("report.files.size()", equalTo(14))
                .body("report.files.find { it.file == 'orders.csv' }.read", equalTo(10_200));
        asStaff().when().get("/api/analytics/imports").then().statusCode(200)
                .body("items.id", hasItem(location.substring(location.lastIndexOf('/') + 1)));
    }

    @Test
    void anUnknownFormatIsA400NamingTheField() {
        asStaff().contentType(ContentType.JSON)
                .body("{\"format\":\"parquet\",\"path\":\"seed-shop\"}")
                .when().post("/api/analytics/imports")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("seed-shop"));
    }

    @Test
    void missingFieldsAreEachNamed() {
        asStaff().contentType(ContentType.JSON)
                .body("{\"dataSource\":\"Not Valid!\"}")
                .when().post("/api/analytics/imports")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("format", "path", "dataSource"));
    }

    @Test
    void aPathOutsideTheImportDirectoryIsRefused() {
        asStaff().contentType(ContentType.JSON)
                .body("{\"format\":\"seed-shop\",\"path\":\"../../etc\"}")
                .when().post("/api/analytics/imports")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("path"));
    }

    @Test
    void anUnknownJobIsA404() {
        asStaff().when().get("/api/analytics/imports/no-such-job")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    private static ValidatableResponse awaitEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String status = asStaff().when().get(location).then().statusCode(200).extract().path("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return asStaff().when().get(location).then();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import job did not end within 2 minutes");
    }
}
