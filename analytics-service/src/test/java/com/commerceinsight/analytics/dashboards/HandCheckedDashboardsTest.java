package com.commerceinsight.analytics.dashboards;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/** The dashboards of {@link TinyShop}'s three orders, worked out by hand (see there). JSON numbers arrive as floats. */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class HandCheckedDashboardsTest {

    private TinyShop.Ids tiny;

    @BeforeEach
    void threeOrders() {
        tiny = TinyShop.ensurePlaced();
    }

    private static RequestSpecification year2031() {
        return asStaff().queryParam("state", TinyShop.STATE).queryParam("from", "2031-01-01").queryParam("to", "2031-12-31");
    }

    @Test
    void home() {
        year2031().when().get("/api/analytics/dashboards/home").then().statusCode(200)
                .body("orders", equalTo(2))                      // orders 1 and 2; 3 is cancelled
                .body("netRevenue", equalTo(40.0f))              // 30.00 + 10.00
                .body("unitsSold", equalTo(7))                   // 2 + 4 + 1
                .body("averageOrderValue", equalTo(20.0f))
                .body("newCustomers", equalTo(2))                // orders 1 and 3 are their customers' first
                .body("returningCustomerOrders", equalTo(1))     // order 2
                .body("cancelledOrders", equalTo(1))
                .body("cancellationRate", equalTo(1f / 3))
                .body("refundedPayments", equalTo(1))
                .body("refundedAmount", equalTo(7.5f))
                .body("paymentSuccessRate", equalTo(2f / 3)); // 2 succeeded (1, 2's retry), 1 failed
    }

    @Test
    void salesPerMonthWithEmptyMonthsAndGrowth() {
        year2031().queryParam("period", "month").when().get("/api/analytics/dashboards/sales").then().statusCode(200)
                .body("periods.size()", equalTo(12))
                .body("periods[2].periodStart", equalTo("2031-03-01"))
                .body("periods[2].orders", equalTo(2))
                .body("periods[2].units", equalTo(7))
                .body("periods[2].netRevenue", equalTo(40.0f))
                .body("periods[2].growthOverPreviousPeriod", nullValue()) // February had nothing
                .body("periods[3].netRevenue", equalTo(0.0f))             // April's only order was cancelled
                .body("periods[3].growthOverPreviousPeriod", equalTo(-1.0f))
                .body("periods[11].runningNetRevenue", equalTo(40.0f))
                .body("byCategory.categoryName", contains(TinyShop.CATEGORY))
                .body("byCategory[0].orders", equalTo(2))
                .body("byCategory[0].units", equalTo(7))
                .body("byCategory[0].netRevenue", equalTo(40.0f))
                .body("byPaymentMethod.paymentMethod", contains("credit_card", "paypal")) // by revenue: 30.00, 10.00
                .body("byPaymentMethod.orders", contains(1, 1))
                .body("byRegion[0].country", equalTo(TinyShop.COUNTRY));
    }

    @Test
    void customers() {
        year2031().when().get("/api/analytics/dashboards/customers").then().statusCode(200)
                .body("newCustomers", equalTo(2))
                .body("returningCustomerOrders", equalTo(1))
                .body("returningOrderShare", equalTo(1f / 3))
                .body("periods[2].newCustomers", equalTo(1))
                .body("periods[2].returningCustomerOrders", equalTo(1))
                .body("periods[3].newCustomers", equalTo(1))
                .body("byRegion[0].orders", equalTo(2))
                .body("byRegion[0].averageOrderValue", equalTo(20.0f));
    }

    @Test
    void ordersAndPayments() {
        year2031().when().get("/api/analytics/dashboards/orders").then().statusCode(200)
                .body("placedOrders", equalTo(3))
                .body("cancelledOrders", equalTo(1))
                .body("byStatus.status", containsInAnyOrder("pending", "delivered", "cancelled"))
                .body("byStatus.orders", contains(1, 1, 1))
                .body("periods[3].placedOrders", equalTo(1))
                .body("periods[3].cancelledOrders", equalTo(1))
                .body("payments.paymentMethod", contains("credit_card", "paypal"))
                .body("payments[0].succeeded", equalTo(2))
                .body("payments[0].refunded", equalTo(1))
                .body("payments[0].successRate", equalTo(1.0f))
                .body("payments[0].succeededAmount", equalTo(40.0f))
                .body("payments[0].refundedAmount", equalTo(7.5f))
                .body("payments[1].failed", equalTo(1))
                .body("payments[1].successRate", equalTo(0.0f));
    }

    @Test
    void filtersByCategoryAndFirstPaymentMethod() {
        year2031().queryParam("categoryId", tiny.categoryId()).when().get("/api/analytics/dashboards/home").then().statusCode(200)
                .body("orders", equalTo(2)).body("netRevenue", equalTo(40.0f));
        // Only order 2 was first tried with paypal; its payments by method: the failed paypal attempt only.
        year2031().queryParam("paymentMethod", "paypal").when().get("/api/analytics/dashboards/home").then().statusCode(200)
                .body("orders", equalTo(1)).body("netRevenue", equalTo(10.0f)).body("newCustomers", equalTo(0))
                .body("returningCustomerOrders", equalTo(1)).body("paymentSuccessRate", equalTo(0.0f));
    }
}
