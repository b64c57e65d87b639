package com.commerceinsight.recommender.limits;

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
        asStaff().when().get("/api/recommendations/customers/abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
        asStaff().queryParam("k", "99999999999").when().get("/api/recommendations/customers/1")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("k"));
        asStaff().queryParam("categoryId", "1.5").when().get("/api/recommendations/products/1/similar")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("categoryId"));
    }

    @Test
    void boundsAreConfiguredAndNamed() {
        asStaff().queryParam("k", 101).when().get("/api/recommendations/customers/1")
                .then().statusCode(400).body("errors[0].field", equalTo("k")).body("detail", containsString("100"));
        asStaff().queryParam("size", 201).when().get("/api/recommendations/models")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        asStaff().queryParam("page", 100_000).when().get("/api/recommendations/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @Test
    void aBodyOfTheWrongShapeOrTypeIsA400NamingTheField() {
        asStaff().contentType(ContentType.JSON).body("{\"horizonDays\": \"ninety\"}").when().post("/api/recommendations/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("horizonDays"));
        asStaff().contentType(ContentType.JSON).body("[]").when().post("/api/recommendations/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        asStaff().contentType(ContentType.JSON).body("{\"cutoff\": \"2024-02-30T00:00:00Z\"}").when().post("/api/recommendations/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cutoff"));
        asStaff().contentType(ContentType.JSON).body("{\"activate\": ").when().post("/api/recommendations/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }
}
