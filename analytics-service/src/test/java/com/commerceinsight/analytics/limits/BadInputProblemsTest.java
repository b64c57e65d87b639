package com.commerceinsight.analytics.limits;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every bad input is a 400 application/problem+json naming the field with its path (never a 404, a 500 or an empty
 * body), and every range that would make the service list millions of rows is refused the same way.
 */
@QuarkusTest
class BadInputProblemsTest {

    private static final String VALID_ORDER = """
            {"customerId": 1, "currency": "EUR", "lines": [{"productId": 1, "quantity": 1}],
             "payment": {"method": "paypal", "status": "pending"}}""";

    private static ValidatableResponse problemNaming(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }

    private static ValidatableResponse get(String path) {
        return asStaff().when().get(path).then();
    }

    private static ValidatableResponse postOrder(String body) {
        return asStaff().contentType(ContentType.JSON).body(body).when().post("/api/analytics/orders").then();
    }

    @Test
    void anImpossibleDateInAQueryParameterIsA400NamingIt() {
        problemNaming(get("/api/analytics/analyses/sales/by-period?from=2024-13-01"), "from")
                .body("detail", containsString("2024-13-01"));
    }

    @Test
    void aPageNumberPastTheIntegerRangeIsA400NamingIt() {
        problemNaming(get("/api/analytics/analyses/products/top-selling?page=99999999999"), "page");
    }

    @Test
    void anUnreadableReferenceDayIsA400NamingIt() {
        problemNaming(get("/api/analytics/analyses/customers/rfm?asOf=garbage"), "asOf");
    }

    @Test
    void anUnreadablePathParameterIsA400NamingIt() {
        problemNaming(asStaff().contentType(ContentType.JSON).body("{\"status\": \"shipped\"}")
                .when().put("/api/analytics/orders/abc/status").then(), "orderId");
    }

    @Test
    void anUnknownOrderIsStillA404() {
        asStaff().contentType(ContentType.JSON).body("{\"status\": \"shipped\"}")
                .when().put("/api/analytics/orders/987654321/status").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aDaySeriesOverTenThousandYearsIsA400() {
        problemNaming(get("/api/analytics/dashboards/sales?from=0001-01-01&to=9999-12-31&period=day"), "from")
                .body("detail", containsString("day-grain"));
    }

    @Test
    void everyDashboardWithASeriesBoundsItsSpan() {
        for (String page : new String[] {"sales", "customers", "orders"}) {
            problemNaming(get("/api/analytics/dashboards/" + page + "?from=2000-01-01&to=2003-01-02&period=day"), "from");
            problemNaming(get("/api/analytics/dashboards/" + page + "?from=1900-01-01&to=1950-01-02&period=month"), "from");
        }
        get("/api/analytics/dashboards/sales?from=2000-01-01&to=2002-12-31&period=day").statusCode(200);
    }

    @Test
    void everyAnalysisSeriesBoundsItsSpan() {
        problemNaming(get("/api/analytics/analyses/sales/by-period?granularity=day&from=0001-01-01&to=9999-12-31"), "from");
        problemNaming(get("/api/analytics/analyses/sales/by-period?granularity=month&from=0001-01-01&to=9999-12-31"), "from");
        problemNaming(get("/api/analytics/analyses/customers/new-vs-returning?granularity=day&from=2000-01-01&to=2010-01-01"), "from");
        problemNaming(get("/api/analytics/analyses/inventory/daily-cost-of-goods?from=0001-01-01&to=9999-12-31"), "from");
    }

    @Test
    void aPageTooDeepOrPastTheTotalIsA400NamingPage() {
        problemNaming(get("/api/analytics/analyses/customers/most-orders?page=4000000&size=500"), "page");
        problemNaming(get("/api/analytics/imports?page=4000&size=200"), "page");
        problemNaming(get("/api/analytics/analyses/orders/status-breakdown?page=1000&size=500"), "page");
    }

    @Test
    void listLimitsAreA400NamingTheParameter() {
        problemNaming(get("/api/analytics/analyses/customers/category-coverage?top=101"), "top");
        problemNaming(get("/api/analytics/analyses/baskets/wishlist-suggestions?perProduct=51"), "perProduct");
        problemNaming(get("/api/analytics/analyses/sales/total?size=501"), "size");
    }

    @Test
    void aTextWhereTheBodyWantsANumberIsA400NamingTheField() {
        problemNaming(postOrder(VALID_ORDER.replace("\"customerId\": 1", "\"customerId\": \"abc\"")), "customerId");
    }

    @Test
    void aWrongTypeInsideAListNamesTheFieldWithItsPath() {
        problemNaming(postOrder(VALID_ORDER.replace("\"quantity\": 1", "\"quantity\": \"many\"")), "lines[0].quantity");
    }

    @Test
    void aConstraintInsideAListNamesTheFieldWithItsPath() {
        problemNaming(postOrder(VALID_ORDER.replace("\"quantity\": 1", "\"quantity\": 0")), "lines[0].quantity");
        problemNaming(postOrder(VALID_ORDER.replace("\"method\": \"paypal\"", "\"method\": \"Pay Pal\"")), "payment.method");
    }

    @Test
    void anArrayBodyIsA400Problem() {
        problemNaming(postOrder("[]"), "body");
    }

    @Test
    void anEmptyBodyIsA400Problem() {
        asStaff().contentType(ContentType.JSON).body("").when().post("/api/analytics/orders").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body("errors.size()", equalTo(1));
    }

    @Test
    void malformedJsonIsA400Problem() {
        problemNaming(postOrder("{\"customerId\": 1,"), "body");
    }

    @Test
    void anOrderInYear9999IsA400NamingOrderedAt() {
        problemNaming(postOrder(VALID_ORDER.replace("\"customerId\": 1,", "\"customerId\": 1, \"orderedAt\": \"9999-12-31T00:00:00Z\",")),
                "orderedAt");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String huge = "{\"customerId\": 1, \"currency\": \"" + "X".repeat(2 * 1024 * 1024) + "\"}";
        asStaff().contentType(ContentType.JSON).body(huge).when().post("/api/analytics/orders").then()
                .statusCode(413).contentType(startsWith("application/problem+json")).body("status", equalTo(413));
    }
}
