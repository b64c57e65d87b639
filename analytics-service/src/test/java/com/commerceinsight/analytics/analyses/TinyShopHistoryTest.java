package com.commerceinsight.analytics.analyses;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The console's history reads on the hand-checked {@link TinyShop}: returns by reason, one product's sales per period
 * and one customer's orders with their lines; each expected value is worked out in the comment above it.
 */
@QuarkusTest
@TestProfile(TinyShopProfile.class)
class TinyShopHistoryTest {

    private static final double EXACT = 1e-9;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void insertShop() throws Exception {
        TinyShop.ensure(dataSource);
    }

    private static RequestSpecification api() {
        return asStaff().basePath("/api/analytics")
                .config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @Test
    void returnsAreCountedPerReasonWithTheApprovedOnes() {
        // Returns: 1000 Defective approved, 1003 Wrong size approved (1003 was refunded: still counted), 1004 Defective rejected.
        api().get("/analyses/returns/by-reason").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.reason", contains("Defective", "Wrong size"))
                .body("items.returns", contains(2, 1))
                .body("items.approved", contains(1, 1))
                .body("items[0].share", closeTo(2.0 / 3, EXACT));
        // March orders: 1003 and 1004, one each, ties by reason.
        api().queryParam("from", "2024-03-01").queryParam("to", "2024-03-31").get("/analyses/returns/by-reason").then()
                .body("items.reason", contains("Defective", "Wrong size")).body("items.returns", contains(1, 1));
        // Games (3) are in 1000 and 1004; Novels (2, pen 11) in 1001 and 1003.
        api().queryParam("categoryId", 3).get("/analyses/returns/by-reason").then()
                .body("items.reason", contains("Defective")).body("items.returns", contains(2));
        api().queryParam("categoryId", 2).get("/analyses/returns/by-reason").then()
                .body("items.reason", contains("Wrong size")).body("items.returns", contains(1));
        // Customer 101 (DE, HH) placed 1002, 1003 and 1004.
        api().queryParam("state", "HH").get("/analyses/returns/by-reason").then()
                .body("items.reason", contains("Defective", "Wrong size")).body("items.returns", contains(1, 1));
    }

    @Test
    void aProductsSalesPerMonthIncludeTheEmptyMonths() {
        // Dice (12) in sales: January 1000 (1) and 1001 (2) = 3 units, 15.00; March 1004 (2 + 1) = 3, 15.00; May 1007 (1), 5.00.
        api().get("/analyses/products/12/sales").then().statusCode(200)
                .body("items.periodStart", contains("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"))
                .body("items.orders", contains(2, 0, 1, 0, 1))
                .body("items.units", contains(3, 0, 3, 0, 1))
                .body("items[0].revenue", closeTo(15.0, EXACT)).body("items[2].revenue", closeTo(15.0, EXACT))
                .body("items[4].revenue", closeTo(5.0, EXACT));
        // Board (13): 1002 is cancelled; 1005 on 20 March and 1006 on 1 April, one each, 40.00; the range runs to June.
        api().queryParam("from", "2024-03-01").queryParam("to", "2024-06-30").get("/analyses/products/13/sales").then()
                .body("items.periodStart", contains("2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"))
                .body("items.units", contains(1, 1, 0, 0))
                .body("items[0].revenue", closeTo(40.0, EXACT));
        // Weekly: 20 March 2024 is a Wednesday, in the week of Monday 18 March.
        api().queryParam("granularity", "week").queryParam("from", "2024-03-18").queryParam("to", "2024-03-31")
                .get("/analyses/products/13/sales").then()
                .body("items.periodStart", contains("2024-03-18", "2024-03-25")).body("items.units", contains(1, 0));
    }

    @Test
    void aProductsSeriesRejectsBadParameters() {
        problem(api().queryParam("granularity", "hour").get("/analyses/products/12/sales"), "granularity");
        problem(api().queryParam("granularity", "day").queryParam("from", "1900-01-01").queryParam("to", "2024-01-01")
                .get("/analyses/products/12/sales"), "from");
        problem(api().get("/analyses/products/twelve/sales"), "productId");
        api().get("/analyses/products/999/sales").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aCustomersOrdersComeNewestFirstWithTheirLines() {
        // Customer 101: 1004 (15 March, dice 2, pen 1, dice 1), 1003 (2 March), 1002 (10 January, cancelled).
        api().queryParam("size", 2).get("/customers/101/orders").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.orderId", contains(1004, 1003))
                .body("items[0].status", equalTo("shipped"))
                .body("items[0].totalAmount", closeTo(25.0, EXACT))
                .body("items[0].lines.productId", contains(12, 10, 12))
                .body("items[0].lines.productName", contains("Dice", "Pen", "Dice"))
                .body("items[0].lines.quantity", contains(2, 1, 1))
                .body("items[1].lines.productId", contains(10, 11));
        api().queryParam("size", 2).queryParam("page", 1).get("/customers/101/orders").then().statusCode(200)
                .body("items.orderId", contains(1002)).body("items[0].status", equalTo("cancelled"))
                .body("items[0].lines.productName", contains("Board"));
        problem(api().queryParam("size", 0).get("/customers/101/orders"), "size");
        problem(api().queryParam("size", 2).queryParam("page", 2).get("/customers/101/orders"), "page");
        problem(api().get("/customers/abc/orders"), "customerId");
        api().get("/customers/999/orders").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static void problem(Response response, String field) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }
}
