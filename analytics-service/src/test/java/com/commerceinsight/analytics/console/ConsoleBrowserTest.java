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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.GeneratedShopFixture;
import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.dashboards.TinyShop;
import com.commerceinsight.consolebrowser.Chromium;
import com.commerceinsight.consolebrowser.ConsolePage;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @Inject
    DataSource dataSource;
    @Inject
    ShopGenerator generator;
    @Inject
    SummaryRebuilder rebuilder;

    /** The generated shop of 2023-2024 (suppliers, returns, customers with orders) and the tiny shop's orders of 2031. */
    @BeforeEach
    void shops() throws Exception {
        GeneratedShopFixture.ensureGenerated(dataSource, generator, rebuilder);
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
                .containsExactly("#/sales", "#/customers", "#/orders", "#/products", "#/suppliers", "#/segments", "#/models", "#/customer");
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
        // The RFM map comes from segmentation-service, which does not run here: its section says so, the rest stands.
        assertThat(main.select("[data-section=rfm] [role=alert]").text()).startsWith("RFM distribution: Not found");
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
        // A's sales per month: orders 1 (2 x 10.00) and 2 (1 x 10.00), both in March 2031; order 3 had only B.
        assertThat(rowsByHeader(product, "product-sales")).containsOnlyKeys("2031-03")
                .containsEntry("2031-03", List.of("2", "3", "30.00"));
        assertDrawn(product, "product-sales");
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
        // The order history is analytics-service's own: the rows are the API's first page, newest first.
        JsonPath orders = asStaff().queryParam("size", 10).get("/api/analytics/customers/1/orders").then().statusCode(200)
                .extract().jsonPath();
        assertThat(orders.getList("items")).isNotEmpty();
        assertThat(main.select("[data-section=customer-orders] tbody th").eachText())
                .isEqualTo(orders.getList("items.orderId", Long.class).stream().map(String::valueOf).toList());
    }

    @Test
    void mlPagesShowTheirUnreachableServicesSectionBySection() {
        // Only analytics-service runs here: the ML services' paths answer 404 problems, and each section says so
        // while the page itself renders (no "The page failed").
        Element segments = page("#/segments", "segments");
        assertThat(segments.select("[role=alert]").eachText()).anySatisfy(t -> assertThat(t).startsWith("Segments: Not found"))
                .anySatisfy(t -> assertThat(t).startsWith("Segment map: Not found"))
                .noneSatisfy(t -> assertThat(t).contains("The page failed"));
        Element models = page("#/models", "models");
        assertThat(models.select("[role=alert]").eachText()).hasSize(3)
                .anySatisfy(t -> assertThat(t).startsWith("Repurchase models: Not found"))
                .anySatisfy(t -> assertThat(t).startsWith("Model evaluation: Not found"))
                .anySatisfy(t -> assertThat(t).startsWith("Recommender models: Not found"));
        assertThat(models.select("[data-action=activate]")).isEmpty();
    }

    @Test
    void suppliersShowTheApiFiguresAndDrillIntoASuppliersProducts() {
        // The generated shop's suppliers, unfiltered: the page's rows are the API's first page, in its order.
        JsonPath api = asStaff().queryParam("size", 50).get("/api/analytics/suppliers").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> suppliers = api.getList("items");
        assertThat(suppliers).isNotEmpty();
        Element main = page("#/suppliers", "suppliers");
        Map<String, List<String>> rows = rowsByHeader(main, "suppliers");
        assertThat(rows.keySet()).containsExactlyElementsOf(suppliers.stream().map(s -> s.get("name").toString()).toList());
        Map<String, Object> first = suppliers.get(0);
        // Columns: country, products, units, revenue, orders, rating, reviews, low on stock, returns.
        List<String> shown = rows.get(first.get("name").toString());
        assertThat(ConsolePage.number(shown.get(1))).isEqualByComparingTo(first.get("products").toString());
        assertThat(ConsolePage.number(shown.get(2))).isEqualByComparingTo(first.get("unitsSold").toString());
        assertThat(ConsolePage.number(shown.get(3))).isEqualByComparingTo(new BigDecimal(first.get("revenue").toString()));
        assertThat(ConsolePage.number(shown.get(8))).isEqualByComparingTo(first.get("returns").toString());
        assertDrawn(main, "supplier-revenue");

        // The supplier's name links to its products, which are the API's.
        chromium.evaluate("document.querySelector('[data-section=suppliers] tbody tr:first-child th a').scrollIntoView({block: 'center'})");
        chromium.click("[data-section=suppliers] tbody tr:first-child th a");
        chromium.awaitReady();
        assertThat((String) chromium.evaluate("location.hash")).isEqualTo("#/supplier?id=" + first.get("supplierId"));
        Element supplier = main();
        assertThat(supplier.selectFirst("h1").text()).isEqualTo(first.get("name").toString());
        assertThat(shownNumber(supplier, "revenue")).isEqualByComparingTo(new BigDecimal(first.get("revenue").toString()));
        JsonPath products = asStaff().queryParam("size", 100).get("/api/analytics/suppliers/" + first.get("supplierId") + "/products")
                .then().statusCode(200).extract().jsonPath();
        assertThat(supplier.select("[data-section=supplier-products] table").last().select("tbody th a").eachAttr("href"))
                .isEqualTo(products.getList("items.productId", Long.class).stream().map(id -> "#/product?id=" + id).toList());
        assertDrawn(supplier, "supplier-products");
        assertNoBrowserErrors();
    }

    @Test
    void salesShowReturnsByReasonAsTheApiCountsThem() {
        JsonPath api = asStaff().queryParam("size", 50).get("/api/analytics/analyses/returns/by-reason").then().statusCode(200)
                .extract().jsonPath();
        assertThat(api.getList("items")).isNotEmpty(); // the generated shop has returns
        Element main = page("#/sales", "sales");
        Map<String, List<String>> reasons = rowsByHeader(main, "returns");
        for (Map<String, Object> reason : api.<Map<String, Object>>getList("items")) {
            assertThat(ConsolePage.number(reasons.get(reason.get("reason").toString()).get(0))).as(reason.get("reason").toString())
                    .isEqualByComparingTo(reason.get("returns").toString());
        }
        assertDrawn(main, "returns");
        // 2031 (the tiny shop) has no return.
        Element tiny = page("#/sales?" + YEAR_2031, "sales");
        assertThat(tiny.select("[data-section=returns] .empty").text()).isEqualTo("No order placed in this range was returned.");
        assertNoBrowserErrors();
    }

    @Test
    void anOrderPlacedThroughTheApiShowsOnHomeWithinFiveSeconds() throws Exception {
        // A customer and a product of their own, and a month before the generated shop (2023-2024) that no other test
        // uses: the order changes nothing the other tests check against a fixed range.
        long customer = QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.dataSource = "console-test";
            c.externalRef = UUID.randomUUID().toString();
            c.persist();
            return c.id;
        });
        long product = QuarkusTransaction.requiringNew().call(() -> {
            Product p = new Product();
            p.dataSource = "console-test";
            p.externalRef = UUID.randomUUID().toString();
            p.name = "auto-refresh test product";
            p.price = new BigDecimal("12.50");
            p.persist();
            return p.id;
        });
        Element before = page("#/home?from=2022-06-01&to=2022-06-30", "home");
        assertThat(shownNumber(before, "orders")).isEqualByComparingTo("0");

        asStaff().contentType("application/json").body(Map.of("customerId", customer, "orderedAt", "2022-06-15T10:00:00Z",
                        "currency", "EUR", "lines", List.of(Map.of("productId", product, "quantity", 2)),
                        "payment", Map.of("method", "credit_card", "instalments", 1, "status", "succeeded")))
                .post("/api/analytics/orders").then().statusCode(201);

        // The bound: the page shows the order within 5 seconds, without a reload (the same document).
        chromium.evaluate("window.sameDocument = true");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        BigDecimal orders = shownNumber(main(), "orders");
        while (orders.signum() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            orders = shownNumber(main(), "orders");
        }
        assertThat(orders).as("orders shown on Home within 5 s of the order").isEqualByComparingTo("1");
        assertThat(shownNumber(main(), "netRevenue")).isEqualByComparingTo("25.00");
        assertThat(chromium.evaluate("window.sameDocument === true")).isEqualTo(true);
        assertNoBrowserErrors();
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
            assertThat(ConsolePage.drawnMarks(main, chart)).as("marks of chart " + chart).isGreaterThan(1);
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
        String shown = ConsolePage.kpi(main, kpi);
        assertThat(shown).as("KPI " + kpi).isNotNull();
        return ConsolePage.number(shown);
    }
}
