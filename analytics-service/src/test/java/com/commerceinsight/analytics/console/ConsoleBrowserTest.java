package com.commerceinsight.analytics.console;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.TinyShop;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The web console in a real browser (headless chromium driven over the DevTools protocol) against this service on its
 * test port, over {@link TinyShop}'s three orders of 2031 (the only orders of that year in this database). What the
 * pages show is compared with what the API answers for the same filters, read by the test itself; every page must
 * draw its charts and report no error in the browser console. A screenshot of each page is written to
 * target/console-screenshots/.
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class ConsoleBrowserTest {

    private static final String YEAR_2031 = "from=2031-01-01&to=2031-12-31";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static Chromium chromium;

    @TestHTTPResource("/console/")
    URL console;

    @BeforeAll
    static void startChromium() throws Exception {
        assumeTrue(Chromium.installed(), "skipped: no " + Chromium.BINARY
                + " to render the console in (apt-get install chromium); CI has it");
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void threeOrders() {
        TinyShop.ensurePlaced();
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        chromium.screenshot(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"));
    }

    @Test
    void homeShowsTheKpisAndChartsTheApiReturns() {
        JsonPath api = dashboard("home", Map.of());
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

        assertDrawn(main, "trend", "home-statuses", "top-categories");
        // March 2031: orders 1 and 2, 40.00 net
        assertThat(rowsByHeader(main, "trend").get("2031-03")).containsExactly("2", "40.00");
        assertThat(rowsByHeader(main, "home-statuses")).containsEntry("delivered", List.of("1"))
                .containsEntry("cancelled", List.of("1"));
        assertThat(rowsByHeader(main, "top-categories")).containsOnlyKeys(TinyShop.CATEGORY);
        assertThat(main.select("[data-section=pages] a").eachAttr("href"))
                .containsExactly("#/sales", "#/customers", "#/orders", "#/products", "#/segments", "#/models", "#/customer");
    }

    @Test
    void salesSlicerChangesTheAddressAndTheFigures() {
        JsonPath weekly = dashboard("sales", Map.of("period", "week"));
        Element main = page("#/sales?" + YEAR_2031 + "&period=week", "sales");

        int weeks = weekly.getList("periods").size();
        assertThat(weeks).isGreaterThan(50); // every ISO week touching 2031, empty ones included
        assertThat(main.select("[data-section=revenue] tbody tr")).hasSize(weeks);
        assertThat(main.select("[data-section=categories] tbody th").eachText()).containsExactly(TinyShop.CATEGORY);
        assertDrawn(main, "revenue", "categories", "methods", "regions");

        // The period slicer, as a reader uses it: the address keeps the filters and the table turns monthly.
        chromium.choose("#filter-period", "month");
        chromium.awaitReady();
        assertThat((String) chromium.evaluate("location.hash")).contains("from=2031-01-01", "to=2031-12-31", "period=month");
        Element monthly = main();
        Map<String, List<String>> rows = rowsByHeader(monthly, "revenue");
        assertThat(rows).hasSize(dashboard("sales", Map.of("period", "month")).getList("periods").size()).hasSize(12);
        // March: order 1 (A x 2, B x 4) and order 2 (A x 1), 30.00 + 10.00
        assertThat(rows.get("2031-03").subList(0, 3)).containsExactly("2", "7", "40.00");
        assertNoBrowserErrors();
    }

    @Test
    void clickingACategoryBarDrillsDownToItsProducts() {
        page("#/sales?" + YEAR_2031 + "&period=month", "sales");

        // The only category's bar (the largest filled mark of the chart) leads to the category's products.
        chromium.evaluate("(() => { let best = null, area = 0;"
                + " for (const p of document.querySelectorAll('[data-chart=categories] svg path')) {"
                + "   const fill = p.getAttribute('fill'); if (!fill || fill === 'none' || fill === 'transparent') continue;"
                + "   const r = p.getBoundingClientRect(); if (r.width * r.height > area) { area = r.width * r.height; best = p; } }"
                + " best.setAttribute('data-test-target', 'bar'); return true; })()");
        chromium.click("[data-test-target=bar]");
        chromium.awaitReady();
        assertThat((String) chromium.evaluate("location.hash"))
                .startsWith("#/products?").contains("categoryId=" + TinyShop.ensurePlaced().categoryId());
        assertNoBrowserErrors();
    }

    @Test
    void customersShowsNewAndReturningPerMonthAndRegion() {
        JsonPath api = dashboard("customers", Map.of("period", "month"));
        Element main = page("#/customers?" + YEAR_2031 + "&period=month", "customers");

        for (String count : List.of("newCustomers", "returningCustomerOrders")) {
            assertThat(shownNumber(main, count)).as(count).isEqualByComparingTo(BigDecimal.valueOf(api.getLong(count)));
        }
        // Order 2 is customer 1's second order: the only returning customer's order of the year.
        assertThat(shownNumber(main, "returningCustomerOrders")).isEqualByComparingTo("1");

        List<Map<String, Object>> periods = api.getList("periods");
        Map<String, List<String>> rows = rowsByHeader(main, "customer-periods");
        assertThat(rows).hasSize(periods.size()).hasSize(12);
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

        // Cohorts: customer 1 first bought in March 2031 (customer 2's only order was cancelled).
        assertThat(rowsByHeader(main, "cohorts").get("2031-03").subList(0, 2)).containsExactly("1", "100.0%");
        assertDrawn(main, "customer-periods", "customer-regions", "buyers", "cohorts");
        assertNoBrowserErrors();
    }

    @Test
    void ordersPaymentMethodSlicerNarrowsTheFigures() {
        JsonPath api = dashboard("orders", Map.of("period", "month"));
        Element main = page("#/orders?" + YEAR_2031 + "&period=month", "orders");

        assertThat(shownNumber(main, "placedOrders")).isEqualByComparingTo(BigDecimal.valueOf(api.getLong("placedOrders")))
                .isEqualByComparingTo("3");
        assertThat(shownNumber(main, "cancelledOrders")).isEqualByComparingTo(BigDecimal.valueOf(api.getLong("cancelledOrders")))
                .isEqualByComparingTo("1");
        Map<String, List<String>> statuses = rowsByHeader(main, "statuses");
        for (Map<String, Object> status : api.<Map<String, Object>>getList("byStatus")) {
            assertThat(statuses.get(status.get("status").toString()).get(0)).isEqualTo(status.get("orders").toString());
        }
        assertThat(statuses.get("delivered")).containsExactly("1", "33.3%");
        // Columns: pending, succeeded, failed, refunded, ...
        Map<String, List<String>> payments = rowsByHeader(main, "payments");
        assertThat(payments.get("credit_card").subList(0, 4)).containsExactly("0", "2", "0", "1");
        assertThat(payments.get("paypal").subList(0, 4)).containsExactly("0", "0", "1", "0");
        JsonPath fulfilment = asStaff().queryParam("from", "2031-01-01").queryParam("to", "2031-12-31")
                .get("/api/analytics/analyses/orders/fulfilment-times").then().statusCode(200).extract().jsonPath();
        assertThat(shownNumber(main, "deliveries")).isEqualByComparingTo(BigDecimal.valueOf(fulfilment.getLong("toDelivery.orders")));
        assertThat(shownNumber(main, "lateDeliveries")).isEqualByComparingTo(BigDecimal.valueOf(fulfilment.getLong("lateDeliveries")));
        assertDrawn(main, "order-periods", "statuses", "payments", "fulfilment");

        // Only order 2's first attempt was PayPal.
        chromium.choose("#filter-paymentMethod", "paypal");
        chromium.awaitReady();
        assertThat((String) chromium.evaluate("location.hash")).contains("paymentMethod=paypal", "period=month", "from=2031-01-01");
        JsonPath paypal = dashboard("orders", Map.of("period", "month", "paymentMethod", "paypal"));
        assertThat(shownNumber(main(), "placedOrders")).isEqualByComparingTo(BigDecimal.valueOf(paypal.getLong("placedOrders")))
                .isEqualByComparingTo("1");
        assertNoBrowserErrors();
    }

    @Test
    void productsNameTheTopSellersAndLinkToEach() {
        TinyShop.Ids ids = TinyShop.ensurePlaced();
        Element main = page("#/products?" + YEAR_2031, "products");

        // Units sold in sales orders: B 4 (order 1) and A 2 + 1 (orders 1, 2); order 3 is cancelled.
        Map<String, List<String>> top = rowsByHeader(main, "top-selling");
        assertThat(top.keySet()).containsExactly("tiny product at 2.50", "tiny product at 10.00");
        assertThat(top.get("tiny product at 2.50").get(1)).isEqualTo("4");
        assertThat(main.select("[data-section=top-selling] tbody th a").eachAttr("href"))
                .containsExactly("#/product?id=" + ids.productB(), "#/product?id=" + ids.productA());
        assertDrawn(main, "top-selling");
        assertNoBrowserErrors();

        Element product = page("#/product?id=" + ids.productA(), "product");
        assertThat(product.selectFirst("h1").text()).isEqualTo("tiny product at 10.00");
        assertThat(product.selectFirst("[data-kpi=category] dd").text()).isEqualTo(TinyShop.CATEGORY);
    }

    @Test
    void customerPageShowsEachUnreachableServiceAsAnError() {
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

    @Test
    void aSignedInSessionsTokenGoesWithEveryApiCallAndItsRolesShow() throws Exception {
        // No issuer in this profile's config.json, so the console offers no sign-in; a session put in this tab's
        // storage (as the sign-in would leave it) is used all the same. The token is a signed test token, which the
        // service verifies like any other.
        String token = com.commerceinsight.apikit.testing.TestTokens.withRoles("analyst");
        try (Chromium signedIn = Chromium.start()) {
            signedIn.beforeEachDocument("sessionStorage.setItem('commerce-console.token', JSON.stringify({accessToken: '"
                    + token + "', expiresAt: Date.now() + 600000}));");
            signedIn.open(console + "#/home?" + YEAR_2031);
            Document dom = signedIn.dom();
            assertThat(dom.select("#account [data-roles]").attr("data-roles")).isEqualTo("analyst");
            assertThat(signedIn.apiRequests()).isNotEmpty().allSatisfy(request ->
                    assertThat(request.path("headers").path("Authorization").asText()).isEqualTo("Bearer " + token));
        }
    }

    private Element page(String route, String name) {
        chromium.open(console + route);
        Element main = main();
        assertThat(main.attr("data-page")).isEqualTo(name);
        return main;
    }

    private static Element main() {
        Element main = chromium.dom().getElementById("page");
        assertThat(main).isNotNull();
        assertThat(main.attr("data-state")).as("the page finished rendering").isEqualTo("ready");
        return main;
    }

    /** Each chart was drawn by ECharts: an SVG with marks in its container. */
    private static void assertDrawn(Element main, String... charts) {
        for (String chart : charts) {
            Element drawn = main.selectFirst("[data-chart=" + chart + "][data-drawn=true] svg");
            assertThat(drawn).as("chart " + chart).isNotNull();
            assertThat(drawn.select("path").size()).as("marks of chart " + chart).isGreaterThan(1);
        }
    }

    private static void assertNoBrowserErrors() {
        assertThat(chromium.errors()).as("errors in the browser console").isEmpty();
    }

    /** A section's table as row header → the row's other cells, as shown. */
    private static Map<String, List<String>> rowsByHeader(Element main, String section) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : main.select("[data-section=" + section + "] tbody tr")) {
            rows.put(row.selectFirst("th").text(), row.select("td").eachText());
        }
        return rows;
    }

    private static JsonPath dashboard(String page, Map<String, String> extra) {
        var request = asStaff().queryParam("from", "2031-01-01").queryParam("to", "2031-12-31");
        extra.forEach(request::queryParam);
        return request.when().get("/api/analytics/dashboards/" + page).then().statusCode(200).extract().jsonPath();
    }

    /** The figure a KPI card shows, read back as a number ("1,234.50" → 1234.50, "33.3%" → 33.3). */
    private static BigDecimal shownNumber(Element main, String kpi) {
        Element value = main.selectFirst("[data-kpi=" + kpi + "] dd");
        assertThat(value).as("KPI " + kpi).isNotNull();
        return new BigDecimal(value.text().replace(",", "").replace("%", "").trim());
    }
}
