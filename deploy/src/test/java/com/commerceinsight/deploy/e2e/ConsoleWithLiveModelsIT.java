package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.assertj.core.data.Offset;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.commerceinsight.consolebrowser.Chromium;
import com.commerceinsight.consolebrowser.ConsolePage;
import com.commerceinsight.deploy.identity.DemoUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web console's ML pages in headless chromium against the whole local system with its three models live (the
 * run's one {@link LocalSystem}, trained on the sample shop), through the gateway, signed in as admin-demo through the
 * identity provider's own sign-in page as a user does. What Models, Segments and Customer show is compared with what
 * the APIs answer through the same gateway: the model versions and the active version's curves, the segment sizes, a
 * customer's score, segment and named recommendations. Screenshots go to target/console-screenshots/.
 */
class ConsoleWithLiveModelsIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renderings of one page tried while the API's answer moves under it (an order event of another test in flight). */
    private static final int ATTEMPTS = 3;
    /** How far a figure shown to three decimals (or a percentage to one) may be from the API's, rounding aside. */
    private static final Offset<Double> SHOWN = within(0.00051);

    private static ManagedProcess gateway;
    private static GatewayClient api;
    private static String console;
    private static Chromium chromium;
    private static long customer;

    @BeforeAll
    static void signInOnTheLiveSystem() throws Exception {
        assumeTrue(Chromium.installed(), "skipped: no " + Chromium.BINARY + " to render the console in (apt-get install chromium); CI has it");
        LocalSystem system = LocalSystem.get();
        assumeTrue(system.hasSampleShop(), "skipped: the system runs without a sample shop (-De2e.sample-orders=N), so no model is live");
        system.awaitActiveModels(Duration.ofMinutes(10));
        try (Connection db = system.openDatabase()) {
            // The second generated customer: ConsumerFailuresIT orders for the first, ServedAnswersEndToEndIT for the last.
            customer = GeneratedShop.read(db).customerIds().get(1);
        }
        gateway = system.startGateway(system.consoleGatewayPort());
        URI origin = system.consoleOrigin();
        system.identity().allowConsoleAt(origin);
        api = new GatewayClient(origin, system.tokens());
        console = origin + "/console/";

        chromium = Chromium.start();
        chromium.open(console + "#/home");
        chromium.click("#sign-in");
        chromium.awaitTrue("!!document.getElementById('kc-form-login')");
        chromium.evaluate("(() => { document.getElementById('username').value = 'admin-demo';"
                + " document.getElementById('password').value = " + JSON.valueToTree(DemoUser.ADMIN.password()) + "; return true; })()");
        chromium.click("#kc-login");
        chromium.awaitTrue("location.origin === " + JSON.valueToTree(origin.toString()) + " && !!document.querySelector('#account [data-roles]')");
        chromium.awaitReady();
        assertThat(chromium.dom().select("#account [data-roles]").attr("data-roles").split(" "))
                .as("the roles of the signed-in session").containsExactlyInAnyOrderElementsOf(DemoUser.ADMIN.roles());
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        chromium.screenshot(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"));
    }

    @Test
    void modelsShowTheServedVersionsAndTheActiveVersionsCurves() throws Exception {
        Rendered models = page("#/models", "models", () -> {
            ObjectNode answer = JSON.createObjectNode();
            answer.set("versions", api.get("/api/predictions/models?size=20").path("items"));
            answer.set("active", api.get("/api/predictions/models/active"));
            return answer;
        });
        JsonNode versions = models.answer().path("versions");
        assertThat(versions.size()).as("model versions trained on the sample shop").isPositive();
        List<List<String>> rows = rows(models.main(), "repurchase-models");
        assertThat(rows).hasSize(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            JsonNode version = versions.get(i);
            List<String> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(version.path("id").asText() + " " + version.path("algorithm").asText());
            // Columns: version, trained to, horizon, threshold, ROC AUC cross-validated, out of time, active.
            assertThat(number(row.get(2))).isEqualTo(version.path("horizonDays").asDouble());
            assertThat(number(row.get(3))).isCloseTo(version.path("threshold").asDouble(), SHOWN);
            assertThat(number(row.get(4))).isCloseTo(version.path("crossValidationRocAuc").asDouble(), SHOWN);
            assertThat(number(row.get(5))).isCloseTo(version.path("outOfTimeRocAuc").asDouble(), SHOWN);
            assertThat(row.get(6)).isEqualTo(version.path("active").asBoolean() ? "active" : "Activate");
        }

        JsonNode evaluation = models.answer().path("active").path("evaluation");
        JsonNode curves = evaluation.path("curves");
        JsonNode calibration = evaluation.path("calibration");
        assertThat(curves.isObject() && calibration.isObject()).as("the active version carries its curves").isTrue();
        assertDrawn(models.main(), "roc", "precision-recall", "reliability");
        assertPoints(rows(models.main(), "roc"), curves.path("roc"));
        assertPoints(rows(models.main(), "precision-recall"), curves.path("precisionRecall"));

        assertThat(kpi(models.main(), "calibrationMethod")).isEqualToIgnoringCase(calibration.path("method").asText());
        assertThat(number(kpi(models.main(), "brierBefore"))).isCloseTo(calibration.path("outOfTimeBrierBefore").asDouble(), SHOWN);
        assertThat(number(kpi(models.main(), "brierAfter"))).isCloseTo(calibration.path("outOfTimeBrierAfter").asDouble(), SHOWN);
        List<List<String>> bins = rows(models.main(), "calibration");
        JsonNode before = calibration.path("reliabilityBefore");
        JsonNode after = calibration.path("reliabilityAfter");
        assertThat(bins).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            // Columns: bin, customers before, mean predicted before, observed before, the same after.
            List<String> bin = bins.get(i);
            assertThat(number(bin.get(1))).as("customers in bin " + i + ", before").isEqualTo(before.get(i).path("count").asDouble());
            assertFigure(bin.get(2), before.get(i).path("meanPredicted"));
            assertFigure(bin.get(3), before.get(i).path("observedRate"));
            assertThat(number(bin.get(4))).as("customers in bin " + i + ", after").isEqualTo(after.get(i).path("count").asDouble());
            assertFigure(bin.get(5), after.get(i).path("meanPredicted"));
            assertFigure(bin.get(6), after.get(i).path("observedRate"));
        }
        assertNoBrowserErrors();
    }

    @Test
    void segmentsShowTheServedSegmentSizes() throws Exception {
        Rendered segments = page("#/segments", "segments", () -> api.get("/api/segments"));
        Map<String, List<String>> shown = new LinkedHashMap<>();
        rows(segments.main(), "segments").forEach(row -> shown.put(row.get(0), row));
        JsonNode served = segments.answer().path("segments");
        assertThat(served.size()).isPositive();
        assertThat(shown).hasSize(served.size());
        for (JsonNode segment : served) {
            String name = segment.path("profile").path("name").asText();
            assertThat(shown).containsKey(name);
            // Columns: segment, customers at training, customers now.
            assertThat(number(shown.get(name).get(1))).as(name + " at training").isEqualTo(segment.path("profile").path("customers").asDouble());
            assertThat(number(shown.get(name).get(2))).as(name + " now").isEqualTo(segment.path("currentCustomers").asDouble());
        }
        assertThat(number(kpi(segments.main(), "k"))).isEqualTo(segments.answer().path("k").asDouble());
        assertDrawn(segments.main(), "segment-sizes", "projection");
        assertNoBrowserErrors();
    }

    @Test
    void aCustomerShowsTheServedScoreSegmentAndNamedRecommendations() throws Exception {
        Rendered page = page("#/customer?id=" + customer, "customer", () -> {
            // What the page shows of each answer (the score's asOf is the time of asking, and moves with every call).
            JsonNode score = api.get("/api/predictions/customers/" + customer + "/repurchase?contributions=5");
            JsonNode segment = api.get("/api/segments/customers/" + customer);
            ObjectNode answer = JSON.createObjectNode();
            for (String field : List.of("probability", "predictedRepurchase", "threshold", "modelVersionId")) {
                answer.set(field, score.path(field));
            }
            for (String field : List.of("segmentId", "segmentName", "distance")) {
                answer.set(field, segment.path(field));
            }
            answer.set("recommended", api.get("/api/recommendations/customers/" + customer + "?k=10").path("items"));
            return answer;
        });
        JsonNode served = page.answer();
        Element main = page.main();
        assertThat(number(kpi(main, "probability")) / 100).isCloseTo(served.path("probability").asDouble(), SHOWN);
        assertThat(number(kpi(main, "threshold")) / 100).isCloseTo(served.path("threshold").asDouble(), SHOWN);
        assertThat(kpi(main, "predictedRepurchase"))
                .isEqualTo(served.path("predictedRepurchase").asBoolean() ? "will order again" : "will not order again");
        assertThat(main.select("[data-section=prediction] .note").text()).startsWith("Model " + served.path("modelVersionId").asText() + ",");

        assertThat(served.path("segmentId").isInt()).as("the customer has a segment").isTrue();
        assertThat(kpi(main, "segmentName")).isEqualTo(served.path("segmentName").asText() + " (" + served.path("segmentId").asText() + ")");
        assertThat(number(kpi(main, "distance"))).isCloseTo(served.path("distance").asDouble(), SHOWN);

        JsonNode recommended = served.path("recommended");
        assertThat(recommended.size()).as("recommendations for a customer the model knows").isPositive();
        StringJoiner ids = new StringJoiner(",");
        recommended.forEach(item -> ids.add(item.path("productId").asText()));
        Map<Long, String> names = new LinkedHashMap<>();
        api.get("/api/analytics/catalog/products?ids=" + ids).forEach(product -> names.put(product.path("id").asLong(), product.path("name").asText()));
        List<List<String>> shown = rows(main, "recommendations");
        assertThat(shown).hasSize(recommended.size());
        for (int i = 0; i < recommended.size(); i++) {
            long product = recommended.get(i).path("productId").asLong();
            assertThat(names.get(product)).as("catalogue name of product " + product).isNotBlank();
            // Columns: rank, product, category, score.
            assertThat(shown.get(i).get(1)).isEqualTo(names.get(product));
            assertThat(main.select("[data-section=recommendations] tbody tr").get(i).selectFirst("a").attr("href"))
                    .isEqualTo("#/product?id=" + product);
        }
        assertNoBrowserErrors();
    }

    /** A page as rendered and the API's answer it was compared with. */
    private record Rendered(Element main, JsonNode answer) {
    }

    @FunctionalInterface
    private interface Answer {
        JsonNode read() throws Exception;
    }

    /**
     * Opens the route and returns the page with the API's answer, read before and after the page rendered and the same
     * both times; rendered again when the answer moved in between, at most {@link #ATTEMPTS} times.
     */
    private static Rendered page(String route, String name, Answer answer) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            JsonNode before = answer.read();
            chromium.open(console + route);
            Element main = chromium.dom().getElementById("page");
            JsonNode after = answer.read();
            if (before.equals(after)) {
                assertThat(main).isNotNull();
                assertThat(main.attr("data-state")).as("the page finished rendering").isEqualTo("ready");
                assertThat(main.attr("data-page")).isEqualTo(name);
                assertThat(main.select("[role=alert]").eachText()).as("problems shown on " + route).isEmpty();
                return new Rendered(main, after);
            }
            seen.add(before);
            seen.add(after);
        }
        throw new AssertionError("the API's answer behind " + route + " changed during each of " + ATTEMPTS + " renderings: " + seen);
    }

    /** Each row shows the point's two coordinates. */
    private static void assertPoints(List<List<String>> rows, JsonNode points) {
        assertThat(points.size()).isGreaterThan(1);
        assertThat(rows).hasSize(points.size());
        for (int i = 0; i < points.size(); i++) {
            assertThat(number(rows.get(i).get(0))).as("point " + i + ", x").isCloseTo(points.get(i).get(0).asDouble(), SHOWN);
            assertThat(number(rows.get(i).get(1))).as("point " + i + ", y").isCloseTo(points.get(i).get(1).asDouble(), SHOWN);
        }
    }

    /** A figure the API may leave null (an empty bin): a dash then, the number otherwise. */
    private static void assertFigure(String shown, JsonNode served) {
        if (served.isNull() || served.isMissingNode()) {
            assertThat(shown).isEqualTo("—");
        } else {
            assertThat(number(shown)).isCloseTo(served.asDouble(), SHOWN);
        }
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

    private static List<List<String>> rows(Element main, String section) {
        List<List<String>> rows = ConsolePage.rows(main, section);
        assertThat(rows).as("rows of section " + section).isNotEmpty();
        return rows;
    }

    private static String kpi(Element main, String key) {
        String shown = ConsolePage.kpi(main, key);
        assertThat(shown).as("KPI " + key).isNotNull();
        return shown;
    }

    private static double number(String shown) {
        return ConsolePage.number(shown).doubleValue();
    }
}
