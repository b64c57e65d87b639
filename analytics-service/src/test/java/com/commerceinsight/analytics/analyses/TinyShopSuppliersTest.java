package com.commerceinsight.analytics.analyses;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
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
import io.restassured.specification.RequestSpecification;

/**
 * The supplier analyses over HTTP on the hand-checked {@link TinyShop}: Acme supplies the pens 10 (stock 5) and 11
 * (stock 50), Bolt the dice 12 (stock 19) and the board 13 (stock 20), Idle nothing. Each expected value is worked out
 * from the shop's rows in the comment above it.
 */
@QuarkusTest
@TestProfile(TinyShopProfile.class)
class TinyShopSuppliersTest {

    private static final double EXACT = 1e-9;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void insertShop() throws Exception {
        TinyShop.ensure(dataSource);
    }

    private static RequestSpecification api() {
        return asStaff().basePath("/api/analytics/suppliers")
                .config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @Test
    void suppliersRankByRevenueWithTheirProductsRatingsStockAndReturns() {
        // Sales are 1000, 1001, 1004, 1005, 1006, 1007. Bolt: dice 1 (1000) + 2 (1001) + 3 (1004) + 1 (1007) = 7 at 5.00,
        // board 1 (1005) + 1 (1006) at 40.00: 9 units, 35 + 80 = 115.00, in 6 orders. Acme: pen 10 2 (1000) + 1 (1004) at
        // 10.00, pen 11 1 (1001) at 20.00 (1003 is refunded): 4 units, 50.00, in 3 orders.
        // Ratings: Acme 4 + 5 over 2 = 4.5; Bolt 3 + 5 + 4 + 4 over 4 = 4.0. Stock below 20: pen 10 (5), dice (19).
        // Returns of orders holding their products: Acme 1000, 1003, 1004; Bolt 1000, 1004 (1002 had the board, no return).
        api().get().then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.name", contains("Bolt", "Acme", "Idle"))
                .body("items.products", contains(2, 2, 0))
                .body("items.lowStockProducts", contains(1, 1, 0))
                .body("items.unitsSold", contains(9, 4, 0))
                .body("items.orders", contains(6, 3, 0))
                .body("items.reviews", contains(4, 2, 0))
                .body("items.returns", contains(2, 3, 0))
                .body("items[0].revenue", closeTo(115.0, EXACT)).body("items[1].revenue", closeTo(50.0, EXACT))
                .body("items[2].revenue", closeTo(0.0, EXACT))
                .body("items[0].averageRating", closeTo(4.0, EXACT)).body("items[1].averageRating", closeTo(4.5, EXACT))
                .body("items[2].averageRating", nullValue())
                .body("items[1].city", equalTo("Berlin")).body("items[1].country", equalTo("DE"));
    }

    @Test
    void theDateRangeNarrowsSalesAndReturnsButNotRatingsOrStock() {
        // March 2024: sales 1004 (Acme pen 10 x 1 = 10.00; Bolt dice 2 + 1 = 15.00) and 1005 (Bolt board 40.00); returns
        // of March orders: 1003 (Acme) and 1004 (Acme, Bolt).
        api().queryParam("from", "2024-03-01").queryParam("to", "2024-03-31").get().then().statusCode(200)
                .body("items.name", contains("Bolt", "Acme", "Idle"))
                .body("items.unitsSold", contains(4, 1, 0))
                .body("items.orders", contains(2, 1, 0))
                .body("items.returns", contains(1, 2, 0))
                .body("items[0].revenue", closeTo(55.0, EXACT)).body("items[1].revenue", closeTo(10.0, EXACT))
                .body("items.reviews", contains(4, 2, 0))
                .body("items.lowStockProducts", contains(1, 1, 0));
        // Below 21 the board (20) is low too; below 6 only pen 10 (5).
        api().queryParam("lowStockBelow", 21).get().then().body("items.lowStockProducts", contains(2, 1, 0));
        api().queryParam("lowStockBelow", 6).get().then().body("items.lowStockProducts", contains(0, 1, 0));
    }

    @Test
    void suppliersArePaged() {
        api().queryParam("size", 2).get().then().statusCode(200).body("items.name", contains("Bolt", "Acme")).body("total", equalTo(3));
        api().queryParam("size", 2).queryParam("page", 1).get().then().statusCode(200).body("items.name", contains("Idle"));
    }

    @Test
    void oneSupplierHasTheFiguresOfItsRow() {
        api().get("/1").then().statusCode(200)
                .body("name", equalTo("Acme")).body("unitsSold", equalTo(4)).body("revenue", closeTo(50.0, EXACT))
                .body("returns", equalTo(3)).body("averageRating", closeTo(4.5, EXACT));
        api().queryParam("from", "2024-03-01").queryParam("to", "2024-03-31").get("/2").then().statusCode(200)
                .body("unitsSold", equalTo(4)).body("revenue", closeTo(55.0, EXACT)).body("returns", equalTo(1));
    }

    @Test
    void aSuppliersProductsRankByRevenue() {
        // Pen 10: 2 (1000) + 1 (1004) = 3 units, 30.00, 2 orders, rated 4.5 (2), returned with 1000, 1003, 1004; stock 5.
        // Pen 11: 1 (1001), 20.00, no review, returned with 1003; stock 50.
        api().get("/1/products").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.productId", contains(10, 11))
                .body("items.unitsSold", contains(3, 1))
                .body("items.orders", contains(2, 1))
                .body("items.returns", contains(3, 1))
                .body("items.reviews", contains(2, 0))
                .body("items.lowStock", contains(true, false))
                .body("items.stockQuantity", contains(5, 50))
                .body("items[0].revenue", closeTo(30.0, EXACT)).body("items[1].revenue", closeTo(20.0, EXACT))
                .body("items[0].averageRating", closeTo(4.5, EXACT)).body("items[1].averageRating", nullValue());
        // Board: 1005 + 1006 = 80.00, rated (5 + 4 + 4) / 3, no return; dice: 7 units, 35.00, returned with 1000 and 1004.
        api().get("/2/products").then().statusCode(200)
                .body("items.productId", contains(13, 12))
                .body("items.unitsSold", contains(2, 7))
                .body("items.returns", contains(0, 2))
                .body("items[0].averageRating", closeTo(13.0 / 3, EXACT));
        api().get("/3/products").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        problem(api().queryParam("lowStockBelow", 0).get(), "lowStockBelow");
        problem(api().queryParam("from", "2024-03-31").queryParam("to", "2024-03-01").get(), "to");
        problem(api().queryParam("from", "March").get(), "from");
        problem(api().queryParam("size", 0).get(), "size");
        problem(api().queryParam("size", 501).get("/1/products"), "size");
        problem(api().queryParam("size", 2).queryParam("page", 2).get(), "page");
        problem(api().get("/x"), "supplierId");
        api().get("/999").then().statusCode(404).contentType(startsWith("application/problem+json"));
        api().get("/999/products").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static void problem(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }
}
