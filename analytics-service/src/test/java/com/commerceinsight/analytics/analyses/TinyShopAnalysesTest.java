package com.commerceinsight.analytics.analyses;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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

/** Every analysis over HTTP on the hand-checked {@link TinyShop}; each expected value is worked out in the comment above it. */
@QuarkusTest
@TestProfile(TinyShopProfile.class)
class TinyShopAnalysesTest {

    private static final double EXACT = 1e-9;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void insertShop() throws Exception {
        TinyShop.ensure(dataSource);
    }

    private static RequestSpecification api() {
        return asStaff().basePath("/api/analytics/analyses")
                .config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @Test
    void totalSalesCountSixSalesOutOfEightOrders() {
        // 25 + 30 + 25 + 40 + 40 + 5 = 165 over 6 sales (1002 cancelled, 1003 refunded): average 27.50.
        api().get("/sales/total").then().statusCode(200)
                .body("orders", equalTo(6)).body("revenue", closeTo(165.0, EXACT)).body("averageOrderValue", closeTo(27.5, EXACT));
        // Customers in FR: 1005, 1006, 1007 = 85; paid by paypal: 1001 = 30; delivered sales: 1000, 1001, 1006, 1007 = 100.
        api().queryParam("country", "FR").get("/sales/total").then().body("orders", equalTo(3)).body("revenue", closeTo(85.0, EXACT));
        api().queryParam("paymentMethod", "paypal").get("/sales/total").then().body("orders", equalTo(1)).body("revenue", closeTo(30.0, EXACT));
        api().queryParam("status", "delivered").get("/sales/total").then().body("orders", equalTo(4)).body("revenue", closeTo(100.0, EXACT));
        // A range without sales: zero orders, no average.
        api().queryParam("from", "2024-02-01").queryParam("to", "2024-02-29").get("/sales/total").then()
                .body("orders", equalTo(0)).body("revenue", closeTo(0.0, EXACT)).body("averageOrderValue", nullValue());
    }

    @Test
    void monthlySalesListTheEmptyFebruary() {
        // Jan 55 (2), Feb 0, Mar 65 (2), Apr 40 (1), May 5 (1); running 55, 55, 120, 160, 165;
        // growth: none, -1, none (after an empty month), (40 - 65) / 65, (5 - 40) / 40.
        api().queryParam("granularity", "month").get("/sales/by-period").then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.periodStart", contains("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"))
                .body("items.orders", contains(2, 0, 2, 1, 1))
                .body("items[1].revenue", closeTo(0.0, EXACT)).body("items[1].averageOrderValue", nullValue())
                .body("items[4].runningRevenue", closeTo(165.0, EXACT)).body("items[2].runningRevenue", closeTo(120.0, EXACT))
                .body("items[0].growthOverPreviousPeriod", nullValue())
                .body("items[1].growthOverPreviousPeriod", closeTo(-1.0, EXACT))
                .body("items[2].growthOverPreviousPeriod", nullValue())
                .body("items[3].growthOverPreviousPeriod", closeTo(-25.0 / 65, EXACT))
                .body("items[4].growthOverPreviousPeriod", closeTo(-0.875, EXACT));
        // Weeks start on Monday: 5 Jan 2024 is a Friday, in the week of Monday 1 Jan.
        api().queryParam("granularity", "week").queryParam("size", 2).get("/sales/by-period").then()
                .body("items[0].periodStart", equalTo("2024-01-01")).body("items[1].orders", equalTo(0));
    }

    @Test
    void topSellingKeepsTwoProductsNamedPenApart() {
        // Units: Dice(12) 1+2+3+1 = 7 in 4 orders for 35, Pen(10) 2+1 = 3, Board(13) 2, Pen(11) 1 (refunded 1003 not counted).
        api().get("/products/top-selling").then().statusCode(200)
                .body("items.productId", contains(12, 10, 13, 11)).body("items.units", contains(7, 3, 2, 1))
                .body("items[0].orders", equalTo(4)).body("items[0].revenue", closeTo(35.0, EXACT));
        // Category 1 (Books) includes its subcategory 2 (Novels).
        api().queryParam("categoryId", 1).get("/products/top-selling").then().body("items.productId", contains(10, 11));
    }

    @Test
    void customersWithMostOrdersRankByCountThenRevenue() {
        // 100: 2 (55), 103: 2 (45), 102: 1 (40), 101: 1 (25; its cancelled and refunded orders do not count).
        api().get("/customers/most-orders").then().statusCode(200)
                .body("items.customerId", contains(100, 103, 102, 101)).body("items.orders", contains(2, 2, 1, 1));
    }

    @Test
    void lowStockIsStrictlyBelowTheThreshold() {
        // Pen(10) 5 and Dice(12) 19 are below 20; Board(13) at exactly 20 is not.
        api().get("/products/low-stock").then().statusCode(200).body("items.productId", contains(10, 12)).body("total", equalTo(2));
        api().queryParam("threshold", 6).get("/products/low-stock").then().body("items.productId", contains(10));
    }

    @Test
    void discountUseCountsCodesValidAtOrderTime() {
        // 1000 (D1 on product 12) and 1005 (D4 on category 3, starting exactly at the order time) of 6 sales; D5 ends
        // exactly at 1004's time, D2 only covers the refunded 1003, D3 is shop-wide.
        api().get("/discounts/usage").then().statusCode(200)
                .body("orders", equalTo(6)).body("ordersWithDiscountedLine", equalTo(2)).body("share", closeTo(1.0 / 3, EXACT));
        // Codes: D1, D5 on a product; D2, D4 on a category; D3 on neither.
        api().get("/discounts/coverage").then().statusCode(200).body("codes", equalTo(5)).body("tiedToProduct", equalTo(2))
                .body("tiedToCategory", equalTo(2)).body("tiedToNeither", equalTo(1)).body("productShare", closeTo(0.4, EXACT));
    }

    @Test
    void ratingsAreDecimalMeans() {
        // Pen(10): 4, 5 -> 4.5; Board(13): 5, 4, 4 -> 4.333...; Dice(12): 3. The review without a product is left out.
        api().get("/products/ratings").then().statusCode(200)
                .body("items.productId", contains(10, 13, 12)).body("items.reviews", contains(2, 3, 1))
                .body("items[1].averageRating", closeTo(13.0 / 3, EXACT));
        api().queryParam("minReviews", 2).get("/products/ratings").then().body("items.productId", contains(10, 13)).body("total", equalTo(2));
    }

    @Test
    void retentionCountsASecondSaleExactlyThirtyDaysLater() {
        // First sales: 100 (second after 15 days), 101 (only 1004: its earlier orders are cancelled or refunded),
        // 102 (one sale), 103 (second exactly 30 days later, counted).
        api().get("/customers/retention-30-days").then().statusCode(200)
                .body("customers", equalTo(4)).body("retained", equalTo(2)).body("oneOrderCustomers", equalTo(2))
                .body("share", closeTo(0.5, EXACT));
        // First sale from March on: 101, 102, 103.
        api().queryParam("from", "2024-03-01").get("/customers/retention-30-days").then()
                .body("customers", equalTo(3)).body("retained", equalTo(1));
    }

    @Test
    void wishlistSuggestionsCountOrdersNotLines() {
        // Pen(10) is wishlisted twice; sales with it: 1000 {10, 12} and 1004 {10, 12, 12}: Dice in 2 orders (3 lines).
        // Board(13) is wishlisted once; its sales 1005 and 1006 hold nothing else.
        api().get("/baskets/wishlist-suggestions").then().statusCode(200)
                .body("items.productId", contains(10, 13)).body("items.wishlistEntries", contains(2, 1))
                .body("items[0].boughtWith.productId", contains(12)).body("items[0].boughtWith.orders", contains(2))
                .body("items[1].boughtWith", empty());
    }

    @Test
    void dailyCostOfGoodsAveragesThirtyCalendarDays() {
        // 5 Jan 25, 20 Jan 20, 21 Jan -20; the data start on 5 Jan, so the first average is on 3 Feb: 25 / 30 = 0.83.
        api().queryParam("from", "2024-01-05").queryParam("to", "2024-02-05").queryParam("size", 100)
                .get("/inventory/daily-cost-of-goods").then().statusCode(200)
                .body("total", equalTo(32))
                .body("items[0].costOfGoods", closeTo(25.0, EXACT)).body("items[16].costOfGoods", closeTo(-20.0, EXACT))
                .body("items[1].costOfGoods", closeTo(0.0, EXACT))
                .body("items[28].movingAverage30Days", nullValue())
                .body("items[29].day", equalTo("2024-02-03")).body("items[29].movingAverage30Days", closeTo(0.83, EXACT))
                .body("items[30].movingAverage30Days", closeTo(0.0, EXACT));
    }

    @Test
    void categoryCoverageRanksShareOfTheCategoryBought() {
        // Books {10}: 100 and 101 bought it (share 1); Novels {11}: 100; Games {12, 13}: 103 both, then 100, 101 one each.
        api().queryParam("top", 3).get("/customers/category-coverage").then().statusCode(200)
                .body("items.categoryId", contains(1, 2, 3))
                .body("items[0].topCustomers.customerId", contains(100, 101))
                .body("items[1].topCustomers.customerId", contains(100))
                .body("items[2].topCustomers.customerId", contains(103, 100, 101))
                .body("items[2].topCustomers[1].share", closeTo(0.5, EXACT));
        // Books with its subcategory Novels.
        api().queryParam("categoryId", 1).get("/customers/category-coverage").then().body("items.categoryId", contains(1, 2));
    }

    @Test
    void boughtTogetherGivesSupportConfidenceAndLift() {
        // N = 6 sales. Orders with 10: 2, 11: 1, 12: 4. Pair (10, 12) in 2 orders: support 1/3, confidence 1 and 1/2,
        // lift 2 x 6 / (2 x 4) = 1.5. Pair (11, 12) in 1: support 1/6, confidence 1 and 1/4, lift 1.5.
        api().queryParam("minOrders", 1).get("/baskets/bought-together").then().statusCode(200)
                .body("items.productA", contains(10, 11)).body("items.productB", contains(12, 12)).body("items.orders", contains(2, 1))
                .body("items[0].support", closeTo(1.0 / 3, EXACT)).body("items[0].confidenceAToB", closeTo(1.0, EXACT))
                .body("items[0].confidenceBToA", closeTo(0.5, EXACT)).body("items[0].lift", closeTo(1.5, EXACT))
                .body("items[1].confidenceBToA", closeTo(0.25, EXACT)).body("items[1].lift", closeTo(1.5, EXACT));
    }

    @Test
    void fulfilmentTimesUseTheFirstShipmentWhereTheOrderHasNoShippedTime() {
        // To shipment: 1000 1 day, 1001 2 days (its first shipment), 1004 1.5 days. To delivery: 1000 3, 1001 4 days
        // (1003 is refunded). Late: 1000 (estimate 7 Jan, delivered 8 Jan) of 2 with an estimate.
        api().get("/orders/fulfilment-times").then().statusCode(200)
                .body("toShipment.orders", equalTo(3)).body("toShipment.averageDays", closeTo(1.5, EXACT))
                .body("toShipment.medianDays", closeTo(1.5, EXACT)).body("toShipment.p90Days", closeTo(2.0, EXACT))
                .body("toShipment.histogram[1].orders", equalTo(2)).body("toShipment.histogram[2].orders", equalTo(1))
                .body("toDelivery.orders", equalTo(2)).body("toDelivery.averageDays", closeTo(3.5, EXACT))
                .body("deliveriesWithEstimate", equalTo(2)).body("lateDeliveries", equalTo(1)).body("lateShare", closeTo(0.5, EXACT));
    }

    @Test
    void customerDashboardsSplitNewAndReturningAndBuildCohorts() {
        // Jan: 100 new (55); Feb: nobody; Mar: 101 and 102 new (65); Apr: 103 new (40); May: 103 returning (5).
        api().get("/customers/new-vs-returning").then().statusCode(200)
                .body("items.newCustomers", contains(1, 0, 2, 1, 0)).body("items.returningCustomers", contains(0, 0, 0, 0, 1))
                .body("items[2].newCustomerRevenue", closeTo(65.0, EXACT)).body("items[4].returningCustomerRevenue", closeTo(5.0, EXACT));
        // Cohorts: Jan {100} active only in Jan; Mar {101, 102} only in Mar; Apr {103} in Apr and May. Offsets run to May.
        api().get("/customers/cohorts").then().statusCode(200)
                .body("items.cohortMonth", contains("2024-01-01", "2024-03-01", "2024-04-01")).body("items.customers", contains(1, 2, 1))
                .body("items[0].activeShareByMonthOffset", contains(1.0, 0.0, 0.0, 0.0, 0.0))
                .body("items[1].activeShareByMonthOffset", contains(1.0, 0.0, 0.0))
                .body("items[2].activeShareByMonthOffset", contains(1.0, 1.0));
    }

    @Test
    void rfmScoresOnAReferenceDay() {
        // As of 1 Jun 2024 (February has 29 days): 100 (133 days, 2 orders, 55), 101 (78, 1, 25), 102 (73, 1, 40), 103 (31, 2, 45).
        // R from customers with longer recency 0/1/2/3 -> 1/2/3/4; F from fewer orders 2, 0, 0, 2 -> 3, 1, 1, 3;
        // M from customers who spent less 3, 0, 1, 2 -> 4, 1, 2, 3. Totals 8, 4, 6, 10.
        api().queryParam("asOf", "2024-06-01").get("/customers/rfm").then().statusCode(200)
                .body("items.customerId", contains(103, 100, 102, 101)).body("items.recencyDays", contains(31, 133, 73, 78))
                .body("items.recencyScore", contains(4, 1, 3, 2)).body("items.frequencyScore", contains(3, 3, 1, 1))
                .body("items.monetaryScore", contains(3, 4, 2, 1));
    }

    @Test
    void paymentMixAndStatusBreakdownCoverEveryOrder() {
        // credit_card: 5 rows, 3 succeeded (25 + 30 + 25 = 80), 1 failed, 1 refund row: success 3/4; paypal: 1 of 1 (30).
        api().get("/payments/method-mix").then().statusCode(200)
                .body("items.method", contains("credit_card", "paypal")).body("items.attempts", contains(5, 1))
                .body("items[0].successRate", closeTo(0.75, EXACT)).body("items[0].refunded", equalTo(1))
                .body("items[0].shareOfSucceededAmount", closeTo(80.0 / 110, EXACT));
        // delivered 1000, 1001, 1003, 1006, 1007 (130); cancelled, shipped, pending one each; 8 orders.
        api().get("/orders/status-breakdown").then().statusCode(200)
                .body("items[0].status", equalTo("delivered")).body("items[0].orders", equalTo(5))
                .body("items[0].share", closeTo(0.625, EXACT)).body("items[0].amount", closeTo(130.0, EXACT)).body("total", equalTo(4));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        api().queryParam("granularity", "year").get("/sales/by-period").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("granularity"));
        api().queryParam("from", "2024-03-01").queryParam("to", "2024-02-01").get("/sales/total").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        api().queryParam("status", "lost").get("/sales/total").then().statusCode(400).body("errors[0].field", equalTo("status"));
        api().queryParam("size", 0).get("/products/top-selling").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
