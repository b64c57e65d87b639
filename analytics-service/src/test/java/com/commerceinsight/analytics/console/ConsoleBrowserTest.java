package com.commerceinsight.analytics.console;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.TinyShop;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The web console in a real browser (headless chromium) against this service on its test port, over
 * {@link TinyShop}'s three orders of 2031 (the only orders of that year in this database). What the pages show is
 * compared with what the API answers for the same range, read by the test itself.
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class ConsoleBrowserTest {

    private static final String YEAR_2031 = "from=2031-01-01&to=2031-12-31";

    @TestHTTPResource("/console/")
    URL console;

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(HeadlessChromium.installed(), "skipped: no " + HeadlessChromium.BINARY
                + " to render the console in (apt-get install chromium); CI has it");
    }

    @BeforeEach
    void threeOrders() {
        TinyShop.ensurePlaced();
    }

    @Test
    void homeShowsTheKpisTheApiReturns() throws Exception {
        JsonPath api = dashboard("home");
        Element main = page("#/home?" + YEAR_2031, "home");

        for (String count : List.of("orders", "unitsSold", "newCustomers", "returningCustomerOrders", "cancelledOrders",
                "refundedPayments")) {
            assertThat(shownNumber(main, count)).as(count).isEqualByComparingTo(BigDecimal.valueOf(api.getLong(count)));
        }
        for (String money : List.of("netRevenue", "averageOrderValue", "refundedAmount")) {
            assertThat(shownNumber(main, money).doubleValue()).as(money).isCloseTo(api.getDouble(money), within(0.005));
        }
        for (String rate : List.of("cancellationRate", "paymentSuccessRate")) {
            assertThat(shownNumber(main, rate).doubleValue() / 100).as(rate).isCloseTo(api.getDouble(rate), within(0.0005));
        }
        // The range really holds the hand-checked shop: orders 1 and 2 (30.00 + 10.00), order 3 cancelled.
        assertThat(shownNumber(main, "orders")).isEqualByComparingTo("2");
        assertThat(shownNumber(main, "netRevenue")).isEqualByComparingTo("40.00");
        assertThat(shownNumber(main, "cancellationRate")).isEqualByComparingTo("33.3");
    }

    @Test
    void salesDrawsOnePointPerPeriodAndTheCategories() throws Exception {
        JsonPath api = dashboard("sales", "period", "week");
        Element main = page("#/sales?" + YEAR_2031 + "&period=week", "sales");

        int periods = api.getList("periods").size();
        assertThat(periods).isGreaterThan(50); // every ISO week touching 2031, empty ones included
        assertThat(main.select("svg.chart circle.point")).hasSize(periods);
        assertThat(main.select("[data-section=revenue] tbody tr")).hasSize(periods);
        assertThat(main.select("[data-section=categories] tbody th").eachText()).containsExactly(TinyShop.CATEGORY);
    }

    @Test
    void customersShowsNewAndReturningPerMonthAndRegion() throws Exception {
        JsonPath api = dashboard("customers", "period", "month");
        Element main = page("#/customers?" + YEAR_2031 + "&period=month", "customers");

        for (String count : List.of("newCustomers", "returningCustomerOrders")) {
            assertThat(shownNumber(main, count)).as(count).isEqualByComparingTo(BigDecimal.valueOf(api.getLong(count)));
        }
        // Order 2 is customer 1's second order: the only returning customer's order of the year.
        assertThat(shownNumber(main, "returningCustomerOrders")).isEqualByComparingTo("1");

        List<Map<String, Object>> periods = api.getList("periods");
        Map<String, List<String>> rows = rowsByHeader(main, "customer-periods");
        assertThat(rows).hasSize(periods.size()).hasSize(12);
        assertThat(main.select("[data-section=customer-periods] svg.chart circle.point")).hasSize(periods.size());
        for (Map<String, Object> period : periods) {
            String month = period.get("periodStart").toString().substring(0, 7);
            assertThat(rows.get(month)).as(month).containsExactly(
                    period.get("newCustomers").toString(), period.get("returningCustomerOrders").toString());
        }
        assertThat(rows.get("2031-03").get(1)).isEqualTo("1");
        assertThat(rows.get("2031-05")).containsExactly("0", "0");

        // Both customers are of one state: orders 1 and 2 (not cancelled) for 30.00 + 10.00.
        Map<String, List<String>> regions = rowsByHeader(main, "customer-regions");
        assertThat(regions).containsOnlyKeys(TinyShop.STATE + ", " + TinyShop.COUNTRY);
        List<String> region = regions.get(TinyShop.STATE + ", " + TinyShop.COUNTRY);
        assertThat(region.get(0)).isEqualTo(api.getString("byRegion[0].newCustomers"));
        assertThat(region.subList(1, 3)).containsExactly("2", "40.00");
    }

    @Test
    void ordersShowsStatusesAndThePaymentMix() throws Exception {
        JsonPath api = dashboard("orders", "period", "month");
        Element main = page("#/orders?" + YEAR_2031 + "&period=month", "orders");

        assertThat(shownNumber(main, "placedOrders")).isEqualByComparingTo(BigDecimal.valueOf(api.getLong("placedOrders")))
                .isEqualByComparingTo("3");
        assertThat(shownNumber(main, "cancelledOrders")).isEqualByComparingTo(BigDecimal.valueOf(api.getLong("cancelledOrders")))
                .isEqualByComparingTo("1");

        Map<String, List<String>> statuses = rowsByHeader(main, "statuses");
        List<Map<String, Object>> byStatus = api.getList("byStatus");
        assertThat(statuses).hasSize(byStatus.size());
        for (Map<String, Object> status : byStatus) {
            assertThat(statuses.get(status.get("status").toString()).get(0)).isEqualTo(status.get("orders").toString());
        }
        // One order each: delivered (1), cancelled (3), and order 2 never moved on.
        assertThat(statuses.get("delivered")).containsExactly("1", "33.3%");
        assertThat(statuses.get("cancelled")).containsExactly("1", "33.3%");

        // Columns: pending, succeeded, failed, refunded, success rate, succeeded amount, refunded amount.
        Map<String, List<String>> payments = rowsByHeader(main, "payments");
        for (Map<String, Object> method : api.<Map<String, Object>>getList("payments")) {
            List<String> shown = payments.get(method.get("paymentMethod").toString());
            assertThat(shown.subList(0, 4)).as(method.get("paymentMethod").toString()).containsExactly(
                    method.get("pending").toString(), method.get("succeeded").toString(),
                    method.get("failed").toString(), method.get("refunded").toString());
        }
        // Card: order 1 and order 2's retry succeeded, order 3's payment refunded; PayPal: order 2's first try failed.
        assertThat(payments.get("credit_card").subList(0, 4)).containsExactly("0", "2", "0", "1");
        assertThat(payments.get("paypal").subList(0, 4)).containsExactly("0", "0", "1", "0");
    }

    @Test
    void customerPageShowsEachUnreachableServiceAsAnError() throws Exception {
        // Only analytics-service runs here: the three ML services' paths answer 404 problems from it.
        Element main = page("#/customer?id=1", "customer");

        for (Map.Entry<String, String> section : Map.of("prediction", "Repurchase prediction", "segment", "Segment",
                "recommendations", "Recommendations").entrySet()) {
            Element shown = main.selectFirst("[data-section=" + section.getKey() + "]");
            assertThat(shown).as(section.getKey()).isNotNull();
            assertThat(shown.select("[role=alert]").text()).as(section.getKey())
                    .startsWith(section.getValue() + ": Not found");
            assertThat(shown.select(".kpi, table")).as(section.getKey()).isEmpty();
        }
    }

    private Element page(String route, String name) throws Exception {
        Document dom = HeadlessChromium.render(console + route);
        Element main = dom.getElementById("page");
        assertThat(main).isNotNull();
        assertThat(main.attr("data-state")).as("the page finished rendering").isEqualTo("ready");
        assertThat(main.attr("data-page")).isEqualTo(name);
        return main;
    }

    /** A section's table as row header → the row's other cells, as shown. */
    private static Map<String, List<String>> rowsByHeader(Element main, String section) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : main.select("[data-section=" + section + "] tbody tr")) {
            rows.put(row.selectFirst("th").text(), row.select("td").eachText());
        }
        return rows;
    }

    private static JsonPath dashboard(String page, String... extra) {
        var request = asStaff().queryParam("from", "2031-01-01").queryParam("to", "2031-12-31");
        for (int i = 0; i < extra.length; i += 2) {
            request.queryParam(extra[i], extra[i + 1]);
        }
        return request.when().get("/api/analytics/dashboards/" + page).then().statusCode(200).extract().jsonPath();
    }

    /** The figure a KPI card shows, read back as a number ("1,234.50" → 1234.50, "33.3%" → 33.3). */
    private static BigDecimal shownNumber(Element main, String kpi) {
        Element value = main.selectFirst("[data-kpi=" + kpi + "] dd");
        assertThat(value).as("KPI " + kpi).isNotNull();
        return new BigDecimal(value.text().replace(",", "").replace("%", "").trim());
    }
}
