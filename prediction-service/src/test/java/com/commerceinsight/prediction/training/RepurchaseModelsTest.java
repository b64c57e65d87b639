package com.commerceinsight.prediction.training;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asShopper;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.commerceinsight.prediction.calibration.Calibrator;
import com.commerceinsight.prediction.events.EventBatchApplier;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.SampleEvents;
import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.FeatureExtractor;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.models.ModelVersion;
import com.commerceinsight.prediction.scoring.CapturedScores;
import com.commerceinsight.prediction.scoring.CustomerScore;
import com.commerceinsight.prediction.scoring.CustomerScores;
import com.commerceinsight.prediction.scoring.EventHistories;
import com.commerceinsight.prediction.scoring.RepurchaseScoreEvent;
import com.commerceinsight.prediction.scoring.ScoreChangeListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * The whole model life on a generated shop: a training job over the API, the registry, activation, scoring a
 * customer and a batch, and rescoring when an order event arrives.
 */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepurchaseModelsTest {

    static JsonPath report;

    @Inject
    EventBatchApplier applier;

    @Inject
    CapturedScores scores;

    @Inject
    ObjectMapper json;

    @Inject
    CustomerScores customerScores;

    @Inject
    ScoreChangeListener scoreChanges;

    @Inject
    EventHistories eventHistories;

    /** Trains once, in the first test that runs (the application is not up yet in a static @BeforeAll). */
    @BeforeEach
    void trainOnce() throws InterruptedException {
        if (report != null) {
            return;
        }
        String location = asStaff().contentType(ContentType.JSON).body("{\"cutoff\": \"2024-10-01T00:00:00\", \"horizonDays\": 90}")
                .when().post("/api/predictions/training-jobs")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = null;
        for (long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos(); System.nanoTime() < deadline; Thread.sleep(500)) {
            job = asStaff().when().get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                break;
            }
        }
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");
        report = job.setRootPath("report");
    }

    @Test
    @Order(1)
    void trainingReportsBothModelsAndActivatesTheBetterCrossValidatedOne() {
        assertThat(report.getString("trainCutoff")).startsWith("2024-07-03");
        assertThat(report.getList("versions")).hasSize(2);
        // the BG/NBD row beside them, evaluated on the same snapshots
        assertThat(report.getString("lifetime.evaluation.algorithm")).isEqualTo("BG_NBD");
        assertThat(report.getLong("lifetime.evaluation.outOfTime.classification.customers")).isEqualTo(report.getLong("testCustomers"));
        assertThat(report.getLong("lifetime.evaluation.trainingPeriod.classification.customers")).isEqualTo(report.getLong("trainCustomers"));
        assertThat(report.getDouble("lifetime.evaluation.outOfTime.classification.rocAuc")).isBetween(0.6, 1.0);
        double rf = report.getDouble("versions[0].evaluation.crossValidation.rocAuc");
        double gbt = report.getDouble("versions[1].evaluation.crossValidation.rocAuc");
        long expected = report.getLong(rf >= gbt ? "versions[0].modelVersionId" : "versions[1].modelVersionId");
        assertThat(report.getLong("activatedVersionId")).isEqualTo(expected);
        asStaff().when().get("/api/predictions/models/active").then().statusCode(200).body("id", equalTo((int) expected));
        JsonPath model = asStaff().when().get("/api/predictions/models/" + expected).then().statusCode(200).extract().jsonPath();
        assertThat(model.getDouble("evaluation.outOfTime.rocAuc")).isBetween(0.8, 1.0);
        assertThat(model.getLong("evaluation.outOfTime.customers")).isEqualTo(report.getLong("testCustomers"));
        assertThat(model.getList("evaluation.featureScores")).isNotEmpty();
        assertThat(model.getMap("evaluation.permutationImportance")).isNotEmpty();
        assertThat(model.getList("features")).contains("days_since_last_order");
    }

    /**
     * A version's evaluation, as the model API serves it, carries the calibration (method, Brier scores and reliability
     * curves before and after) and the out-of-time ROC and precision-recall curves with the confusion matrix at its
     * threshold, thinned to about a hundred points.
     */
    @Test
    @Order(1)
    void theModelApiServesTheCalibrationAndTheCurves() {
        long id = report.getLong("activatedVersionId");
        JsonPath model = asStaff().when().get("/api/predictions/models/" + id).then().statusCode(200).extract().jsonPath();
        JsonPath evaluation = model.setRootPath("evaluation");
        assertThat(evaluation.getString("calibration.method")).isIn("ISOTONIC", "PLATT");
        assertThat(evaluation.getList("calibration.candidates.method")).containsExactly("ISOTONIC", "PLATT");
        assertThat(evaluation.getDouble("calibration.outOfTimeBrierAfter")).isEqualTo(evaluation.getDouble("outOfTime.brier"));
        assertThat(evaluation.getDouble("calibration.outOfTimeBrierBefore")).isBetween(0.0, 1.0);
        long testCustomers = report.getLong("testCustomers");
        for (String curve : List.of("calibration.reliabilityBefore", "calibration.reliabilityAfter")) {
            assertThat(evaluation.getList(curve)).hasSize(10);
            assertThat(evaluation.getList(curve + ".count", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(testCustomers);
        }
        List<List<Float>> roc = evaluation.getList("curves.roc");
        assertThat(roc.size()).isBetween(10, 101);
        assertThat(roc.get(0)).containsExactly(0f, 0f);
        assertThat(roc.get(roc.size() - 1)).containsExactly(1f, 1f);
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).get(0) - roc.get(i - 1).get(0)) * (roc.get(i).get(1) + roc.get(i - 1).get(1)) / 2;
        }
        assertThat(area).as("area under the served ROC points").isCloseTo(evaluation.getDouble("outOfTime.rocAuc"), offset(0.005));
        assertThat(evaluation.getList("curves.precisionRecall").size()).isBetween(10, 101);
        assertThat(evaluation.getMap("curves.confusion")).isEqualTo(evaluation.getMap("outOfTime.confusion"));
        assertThat(evaluation.getDouble("curves.threshold")).isEqualTo(model.getDouble("threshold"));
    }

    @Test
    @Order(2)
    void registryListsInspectsAndActivates() throws Exception {
        long first = report.getLong("versions[0].modelVersionId");
        long second = report.getLong("versions[1].modelVersionId");
        long active = report.getLong("activatedVersionId");
        long other = active == first ? second : first;
        asStaff().queryParam("size", 1).when().get("/api/predictions/models").then().statusCode(200).body("items", hasSize(1));
        asStaff().when().post("/api/predictions/models/" + other + "/activation").then().statusCode(200).body("active", equalTo(true));
        asStaff().when().get("/api/predictions/models/active").then().body("id", equalTo((int) other));
        asStaff().when().post("/api/predictions/models/" + active + "/activation").then().statusCode(200);
        awaitServed(active);
        asStaff().when().get("/api/predictions/models/99999999").then().statusCode(404).contentType("application/problem+json");
        asStaff().when().get("/api/predictions/training-jobs/" + UUID.randomUUID()).then().statusCode(404);
        asStaff().contentType(ContentType.JSON).body("{\"horizonDays\": -5}").when().post("/api/predictions/training-jobs")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("horizonDays"));
    }

    @Test
    @Order(3)
    void aCustomerGetsAProbabilityALabelAndTheReasons() throws Exception {
        long customer = customerWithOrders();
        JsonPath score = asStaff().when().get("/api/predictions/customers/" + customer + "/repurchase").then().statusCode(200)
                .extract().jsonPath();
        double p = score.getDouble("probability");
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(score.getBoolean("predictedRepurchase")).isEqualTo(p >= score.getDouble("threshold"));
        assertThat(score.getList("topContributions")).hasSize(5);
        asStaff().when().get("/api/predictions/customers/987654321/repurchase").then().statusCode(404);
        // A shopper reads its own score through "me": the customer in its token, the same answer as by id.
        JsonPath mine = asShopper(customer).when().get("/api/predictions/customers/me/repurchase").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getLong("customerId")).isEqualTo(customer);
        assertThat(mine.getLong("modelVersionId")).isEqualTo(score.getLong("modelVersionId"));
        assertThat(mine.getDouble("probability")).isBetween(0.0, 1.0);
        asShopper(customer).when().get("/api/predictions/customers/" + customer + "/repurchase").then().statusCode(403);
        asStaff().queryParam("contributions", -1).when().get("/api/predictions/customers/" + customer + "/repurchase")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("contributions"));
    }

    /**
     * The first request reads the customer's history and stores the vector; the next ones are served from it. Both
     * give the probability the xgboost4j booster of the active version gives the features computed here from the
     * history, independently of the service, passed through the version's stored calibrator.
     */
    @Test
    @Order(4)
    void servedProbabilityIsTheCalibratedBoostersForTheCustomersFeatures() throws Exception {
        long customer = secondCustomerWithOrders();
        LocalDateTime asOf = LocalDateTime.parse(GeneratedShopProfile.AS_OF);
        double[] features = FeatureExtractor.extract(GeneratedShop.histories().get(customer), asOf);
        double expected = calibratedBoosterProbability(features);

        QuarkusTransaction.requiringNew().run(() -> CustomerScore.deleteById(customer)); // a file database outlives a run
        JsonPath first = asStaff().when().get("/api/predictions/customers/" + customer + "/repurchase").then().statusCode(200)
                .extract().jsonPath();
        CustomerScore stored = QuarkusTransaction.requiringNew().call(() -> CustomerScore.<CustomerScore>findById(customer));
        assertThat(stored.timeAnchors).isNotNull();
        JsonPath second = asStaff().queryParam("contributions", 0).when().get("/api/predictions/customers/" + customer + "/repurchase")
                .then().statusCode(200).extract().jsonPath();
        for (JsonPath served : List.of(first, second)) {
            assertThat(served.getDouble("probability")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(served.getString("featuresComputedAt")).startsWith("2025-01-01T00:00");
            assertThat(LocalDateTime.parse(served.getString("lastOrderAt"))).as("the last sale the score counts")
                    .isEqualTo(lastSaleBefore(customer, asOf));
        }
        assertThat(second.getList("topContributions")).isEmpty();
    }

    @Test
    @Order(5)
    void batchScoringTakesFeatureRowsByName() {
        asStaff().contentType(ContentType.JSON)
                .body(Map.of("rows", List.of(Map.of("total_orders", 12, "days_since_last_order", 3), Map.of("total_orders", 1,
                        "days_since_last_order", 400))))
                .when().post("/api/predictions/scores")
                .then().statusCode(200).body("scores", hasSize(2));
        asStaff().contentType(ContentType.JSON).body(Map.of("rows", List.of(Map.of("bogus", 1))))
                .when().post("/api/predictions/scores")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("rows[0].bogus"));
        asStaff().contentType(ContentType.JSON).body(Map.of("rows", List.of()))
                .when().post("/api/predictions/scores").then().statusCode(400);
    }

    @Test
    @Order(6)
    void anOrderEventRescoresItsCustomerAndPublishesTheScore() throws Exception {
        long customer = customerWithOrders();
        long ordersBefore = ordersBefore(customer, LocalDateTime.parse(GeneratedShopProfile.AS_OF));
        long orderId = insertOrder(customer, LocalDateTime.parse("2024-12-31T12:00:00"));
        UUID eventId = UUID.randomUUID();
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderPlaced(eventId, customer, orderId, "2024-12-31T12:00:00Z",
                "pending", "42.00", List.of(new SampleEvents.Line(1, 1, "42.00")), List.of()))));
        CustomerScore stored = QuarkusTransaction.requiringNew().call(() -> CustomerScore.<CustomerScore>findById(customer));
        Map<?, ?> features = json.readValue(stored.features, Map.class);
        assertThat(((Number) features.get("total_orders")).longValue()).isEqualTo(ordersBefore + 1);
        assertThat(((Number) features.get("days_since_last_order")).doubleValue()).isEqualTo(0.5);
        RepurchaseScoreEvent published = scores.published().stream().filter(s -> s.customerId() == customer).reduce((a, b) -> b).orElseThrow();
        assertThat(published.causedBy()).isEqualTo(eventId);
        assertThat(published.probability()).isEqualTo(stored.probability);
        var contract = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(Path.of("../deploy/events/prediction.repurchase-scores.v1.schema.json")),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        assertThat(contract.validate(json.readTree(json.writeValueAsString(published)))).isEmpty();
        asStaff().when().get("/api/predictions/customers/" + customer + "/repurchase/latest").then().statusCode(200)
                .body("modelVersionId", equalTo((int) published.modelVersionId()));
    }

    /**
     * Serving reads this replica's cache of feature vectors, so it must forget a customer whenever their stored vector
     * changes. Both ways it changes are checked: an order event applied by this replica, and a rescore by another
     * replica (its row written behind this one's back), which this replica hears of on the score topic. Each time the
     * served probability is the calibrated booster's for the features computed afresh from the commerce history.
     */
    @Test
    @Order(7)
    void aNewOrderEventChangesTheServedScore() throws Exception {
        long customer = customerWithOrdersAfter(customerWithOrders());
        LocalDateTime asOf = LocalDateTime.parse(GeneratedShopProfile.AS_OF);
        double before = servedProbability(customer);

        long orderId = insertOrder(customer, LocalDateTime.parse("2024-12-31T06:00:00"));
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderPlaced(UUID.randomUUID(), customer, orderId,
                "2024-12-31T06:00:00Z", "pending", "42.00", List.of(new SampleEvents.Line(1, 1, "42.00")), List.of()))));
        double afterEvent = servedProbability(customer);
        assertThat(afterEvent).isNotEqualTo(before).isCloseTo(boosterProbability(customer, asOf), offset(1e-6));

        // another replica applies the next order: it rewrites the stored row, then publishes the score
        long otherOrderId = insertOrder(customer, LocalDateTime.parse("2024-12-31T20:00:00"));
        CustomerHistory history = history(customer);
        QuarkusTransaction.requiringNew().run(() -> customerScores.write(CustomerScore.<CustomerScore>findById(customer),
                new CustomerScores.FeatureVector(customer, FeatureExtractor.extract(history, asOf), FeatureExtractor.anchors(history, asOf), asOf),
                1, 0.5, true, LocalDateTime.now()));
        assertThat(servedProbability(customer)).as("within the staleness bound, until the score arrives").isEqualTo(afterEvent);
        TopicPartition partition = new TopicPartition(RepurchaseScoreEvent.TOPIC, 0);
        scoreChanges.scoresChanged(new ConsumerRecords<>(Map.of(partition, List.of(new ConsumerRecord<>(RepurchaseScoreEvent.TOPIC, 0, 0L,
                Long.toString(customer), "{\"orderId\": " + otherOrderId + "}"))), Map.of()));
        double afterOtherReplica = servedProbability(customer);
        assertThat(afterOtherReplica).isNotEqualTo(afterEvent).isCloseTo(boosterProbability(customer, asOf), offset(1e-6));
    }

    /**
     * The consumer keeps the histories of the customers it rescored and reads again only the orders an event names.
     * After an order's status, payments and a return change, with an event for each, the stored vector is the one
     * computed from the whole history read afresh. A review comes without an order event: the kept history learns of it
     * when it is read whole again (after prediction.serving.history-cache.max-age, or when the partitions move).
     */
    @Test
    @Order(8)
    void aKeptHistoryFollowsTheOrdersItsEventsName() throws Exception {
        long customer = customerWithOrdersAfter(customerWithOrdersAfter(customerWithOrders()));
        LocalDateTime asOf = LocalDateTime.parse(GeneratedShopProfile.AS_OF);
        long orderId = insertOrder(customer, LocalDateTime.parse("2024-12-30T10:00:00"));
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderPlaced(UUID.randomUUID(), customer, orderId,
                "2024-12-30T10:00:00Z", "pending", "42.00", List.of(new SampleEvents.Line(1, 1, "42.00")), List.of()))));
        assertSameFeatures(storedFeatures(customer), FeatureExtractor.extract(history(customer), asOf));

        execute("UPDATE commerce.orders SET status = 'delivered', shipped_at = '2024-12-30T12:00:00', delivered_at = '2024-12-31T09:00:00'"
                + " WHERE id = " + orderId);
        execute("INSERT INTO commerce.payment (id, order_id, customer_id, sequence_no, method, amount, paid_at, status) VALUES ("
                + nextId("payment_seq") + ", " + orderId + ", " + customer + ", 1, 'credit_card', 42.00, '2024-12-30T10:01:00', 'failed')");
        execute("INSERT INTO commerce.payment (id, order_id, customer_id, sequence_no, method, amount, paid_at, status) VALUES ("
                + nextId("payment_seq") + ", " + orderId + ", " + customer + ", 2, 'credit_card', 42.00, '2024-12-30T10:02:00', 'succeeded')");
        execute("INSERT INTO commerce.order_return (id, order_id, returned_at, status) VALUES (" + nextId("order_return_seq") + ", "
                + orderId + ", '2024-12-31T10:00:00', 'received')");
        applier.apply(List.of(
                OrderEventParser.parse(SampleEvents.paymentStatusChanged(UUID.randomUUID(), customer, orderId, "2024-12-30T10:02:00Z", 2,
                        "42.00", "succeeded", "pending")),
                OrderEventParser.parse(SampleEvents.orderStatusChanged(UUID.randomUUID(), customer, orderId, "2024-12-31T09:00:00Z",
                        "delivered", "pending", "42.00"))));
        double[] afterChanges = storedFeatures(customer);
        assertSameFeatures(afterChanges, FeatureExtractor.extract(history(customer), asOf));
        assertThat(afterChanges[RepurchaseFeature.FAILED_PAYMENTS.ordinal()]).isPositive();

        execute("INSERT INTO commerce.review (id, data_source, external_ref, customer_id, rating, reviewed_at) VALUES ("
                + nextId("review_seq") + ", 'test', '" + UUID.randomUUID() + "', " + customer + ", 1, '2024-12-31T11:00:00')");
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderStatusChanged(UUID.randomUUID(), customer, orderId,
                "2024-12-31T11:00:00Z", "delivered", "delivered", "42.00"))));
        assertThat(storedFeatures(customer)[RepurchaseFeature.AVERAGE_RATING.ordinal()]).as("not read yet: no order event brings it")
                .isEqualTo(afterChanges[RepurchaseFeature.AVERAGE_RATING.ordinal()]);
        eventHistories.forgetAll();
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderStatusChanged(UUID.randomUUID(), customer, orderId,
                "2024-12-31T11:30:00Z", "delivered", "delivered", "42.00"))));
        assertSameFeatures(storedFeatures(customer), FeatureExtractor.extract(history(customer), asOf));
    }

    private double[] storedFeatures(long customer) {
        return QuarkusTransaction.requiringNew().call(() -> customerScores.storedVector(customer)).orElseThrow().features();
    }

    private static void assertSameFeatures(double[] actual, double[] expected) {
        for (RepurchaseFeature feature : RepurchaseFeature.values()) {
            double a = actual[feature.ordinal()];
            double e = expected[feature.ordinal()];
            assertThat(Double.isNaN(a) ? 0 : a).as(feature.featureName()).isCloseTo(Double.isNaN(e) ? 0 : e, offset(1e-9));
            assertThat(Double.isNaN(a)).as(feature.featureName() + " missing").isEqualTo(Double.isNaN(e));
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "")) {
            c.createStatement().executeUpdate(sql);
        }
    }

    private static long nextId(String sequence) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT NEXT VALUE FOR commerce." + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The service polls the active id (prediction.serving.refresh-interval): a poll between the two activations above
     * leaves it serving the other version until the next one. The later tests compare against the active version.
     */
    private static void awaitServed(long versionId) throws Exception {
        long customer = customerWithOrders();
        long served = -1;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); served != versionId && System.nanoTime() < deadline;
             Thread.sleep(200)) {
            served = asStaff().queryParam("contributions", 0).when().get("/api/predictions/customers/" + customer + "/repurchase")
                    .then().statusCode(200).extract().jsonPath().getLong("modelVersionId");
        }
        assertThat(served).isEqualTo(versionId);
    }

    private static double servedProbability(long customer) {
        return asStaff().queryParam("contributions", 0).when().get("/api/predictions/customers/" + customer + "/repurchase")
                .then().statusCode(200).extract().jsonPath().getDouble("probability");
    }

    /** The active version's calibrated booster on the customer's features computed from the whole history now. */
    private double boosterProbability(long customer, LocalDateTime asOf) throws Exception {
        return calibratedBoosterProbability(FeatureExtractor.extract(history(customer), asOf));
    }

    /** calibrator(booster(features)) of the active version, each read from its stored row independently of serving. */
    private double calibratedBoosterProbability(double[] features) throws Exception {
        ModelVersion active = QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow());
        FeaturePreprocessor preprocessor = json.readValue(active.preprocessing, FeaturePreprocessor.class);
        assertThat(active.calibration).as("a version trained now stores its calibrator").isNotNull();
        Calibrator calibrator = json.readValue(active.calibration, Calibrator.class);
        Booster booster = XgbModels.fromBytes(QuarkusTransaction.requiringNew().call(() -> ModelVersion.<ModelVersion>findById(active.id).model));
        try {
            return calibrator.calibrate(XgbModels.predict(booster, preprocessor.transform(features), 1, preprocessor.width())[0]);
        } finally {
            booster.dispose();
        }
    }

    private static CustomerHistory history(long customer) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "")) {
            return new CommerceHistoryReader(c).read(List.of(customer)).get(customer);
        }
    }

    private static long customerWithOrdersAfter(long customer) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT MIN(customer_id) FROM commerce.orders WHERE customer_id > ? AND kind = 'sale'"
                     + " AND ordered_at < '2024-12-01'")) {
            s.setLong(1, customer);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long customerWithOrders() throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT MIN(customer_id) FROM commerce.orders WHERE customer_id IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A customer no test scores before {@link #servedProbabilityIsTheCalibratedBoostersForTheCustomersFeatures}. */
    private static long secondCustomerWithOrders() throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(customer_id) FROM commerce.orders WHERE customer_id IS NOT NULL"
                     + " AND ordered_at < '2025-01-01'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LocalDateTime lastSaleBefore(long customer, LocalDateTime cutoff) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT MAX(ordered_at) FROM commerce.orders WHERE customer_id = ? AND kind = 'sale' AND ordered_at < ?")) {
            s.setLong(1, customer);
            s.setObject(2, cutoff);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, LocalDateTime.class);
            }
        }
    }

    private static long ordersBefore(long customer, LocalDateTime cutoff) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "");
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM commerce.orders WHERE customer_id = ? AND kind = 'sale' AND ordered_at < ?")) {
            s.setLong(1, customer);
            s.setObject(2, cutoff);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What analytics-service writes when it takes an order (the commerce schema is its; tests may write it). */
    private static long insertOrder(long customer, LocalDateTime orderedAt) throws Exception {
        try (Connection c = DriverManager.getConnection(GeneratedShop.jdbcUrl(), "sa", "")) {
            long id;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT NEXT VALUE FOR commerce.orders_seq")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO commerce.orders (id, data_source, external_ref, customer_id, kind, "
                    + "status, ordered_at, total_amount) VALUES (?, 'test', ?, ?, 'sale', 'pending', ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, UUID.randomUUID().toString());
                s.setLong(3, customer);
                s.setObject(4, orderedAt);
                s.setBigDecimal(5, new BigDecimal("42.00"));
                s.executeUpdate();
            }
            return id;
        }
    }
}
