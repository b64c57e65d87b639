package com.commerceinsight.analytics.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URL;
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

    private static JsonPath dashboard(String page, String... extra) {
        var request = given().queryParam("from", "2031-01-01").queryParam("to", "2031-12-31");
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
