package com.commerceinsight.prediction.limits;

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
        asStaff().when().get("/api/predictions/customers/abc/repurchase")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
        asStaff().queryParam("page", "99999999999").when().get("/api/predictions/models")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        asStaff().queryParam("contributions", "some").when().get("/api/predictions/customers/1/repurchase")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("contributions"));
    }

    @Test
    void boundsAreConfiguredAndNamed() {
        asStaff().queryParam("size", 201).when().get("/api/predictions/models")
                .then().statusCode(400).body("errors[0].field", equalTo("size")).body("detail", containsString("200"));
        asStaff().queryParam("contributions", 101).when().get("/api/predictions/customers/1/repurchase")
                .then().statusCode(400).body("errors[0].field", equalTo("contributions"));
        asStaff().queryParam("page", 100_000).when().get("/api/predictions/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @Test
    void aBodyOfTheWrongShapeOrTypeIsA400NamingTheFieldWithItsPath() {
        asStaff().contentType(ContentType.JSON).body("{\"horizonDays\": \"ninety\"}").when().post("/api/predictions/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("horizonDays"));
        asStaff().contentType(ContentType.JSON).body("{\"algorithms\": [\"NEURAL_NET\"]}").when().post("/api/predictions/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("algorithms[0]"));
        asStaff().contentType(ContentType.JSON).body("[]").when().post("/api/predictions/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        asStaff().contentType(ContentType.JSON).body("{\"rows\": [{\"total_orders\": 2}, {\"total_orders\": \"many\"}]}").when().post("/api/predictions/scores")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("rows[1].total_orders"));
        asStaff().contentType(ContentType.JSON).body("{\"rows\": [null]}").when().post("/api/predictions/scores")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("rows[0]"));
    }
}
