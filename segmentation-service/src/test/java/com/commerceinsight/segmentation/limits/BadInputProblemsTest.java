package com.commerceinsight.segmentation.limits;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input is a 400 problem naming the field, whatever the kind of mistake; never a 404 or an empty body. */
@QuarkusTest
class BadInputProblemsTest {

    @Test
    void anUnparseablePathOrQueryParameterIsA400NamingIt() {
        asStaff().when().get("/api/segments/customers/abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
        asStaff().when().get("/api/segments/99999999999/customers")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("segmentId"));
        asStaff().queryParam("sample", "lots").when().get("/api/segments/projection")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("sample"));
    }

    @Test
    void boundsAreConfiguredAndNamed() {
        asStaff().queryParam("sample", 20_001).when().get("/api/segments/projection")
                .then().statusCode(400).body("errors[0].field", equalTo("sample")).body("detail", containsString("20000"));
        asStaff().queryParam("size", 501).when().get("/api/segments/1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        asStaff().queryParam("size", 201).when().get("/api/segments/models")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        asStaff().queryParam("page", 100_000).when().get("/api/segments/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @Test
    void aBodyOfTheWrongShapeOrTypeIsA400NamingTheField() {
        asStaff().contentType(ContentType.JSON).body("{\"snapshotAt\": \"yesterday\"}").when().post("/api/segments/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("snapshotAt"));
        asStaff().contentType(ContentType.JSON).body("[{}]").when().post("/api/segments/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        asStaff().contentType(ContentType.JSON).body("{\"snapshotAt\": {}}").when().post("/api/segments/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("snapshotAt"));
    }
}
