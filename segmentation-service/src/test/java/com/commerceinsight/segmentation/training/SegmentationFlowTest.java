package com.commerceinsight.segmentation.training;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asShopper;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.segmentation.events.EventBatchApplier;
import com.commerceinsight.segmentation.clustering.AdjustedRandIndex;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.SampleEvents;
import com.commerceinsight.segmentation.features.CommerceSnapshot;
import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.rfm.KeptRfmSquaresBackfill;
import com.commerceinsight.segmentation.scoring.ActiveModel;
import com.commerceinsight.segmentation.scoring.ActiveModels;
import com.commerceinsight.segmentation.scoring.CapturedSegmentChanges;
import com.commerceinsight.segmentation.scoring.CustomerSegment;
import com.commerceinsight.segmentation.scoring.SegmentChange;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Training over the API on a shop with planted groups, the segments API, retraining, and real-time reassignment
 * from order events compared with an assignment computed from scratch from the commerce tables.
 */
@QuarkusTest
class SegmentationFlowTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventBatchApplier applier;

    @Inject
    ModelTrainer trainer;

    @Inject
    CommerceSnapshot snapshot;

    @Inject
    ActiveModels models;

    @Inject
    CapturedSegmentChanges changes;

    @Inject
    KeptRfmSquaresBackfill squaresBackfill;

    Map<Long, Integer> planted;

    @BeforeEach
    void plantShop() throws Exception {
        planted = PlantedShop.ensure(dataSource);
    }

    @Test
    void trainingJobRecoversThePlantedGroupsAndNamesThem() {
        JsonPath report = trainAt(PlantedShop.SNAPSHOT);

        assertThat(report.getInt("chosenK")).isEqualTo(4);
        assertThat(report.getList("scores.k", Integer.class)).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(report.getList("scores.daviesBouldin", Float.class)).allMatch(value -> value > 0);
        assertThat(report.getList("scores.inertia", Float.class)).allMatch(value -> value > 0);
        assertThat(report.getInt("customers")).isEqualTo(PlantedShop.GROUPS * PlantedShop.PER_GROUP);
        assertThat(report.getList("features", String.class)).contains("SESSIONS");

        Map<Long, Integer> segmentOf = segmentOfEveryCustomer();
        int[] truth = new int[planted.size()];
        int[] found = new int[planted.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> customer : planted.entrySet()) {
            truth[i] = customer.getValue();
            found[i++] = segmentOf.get(customer.getKey());
        }
        assertThat(AdjustedRandIndex.of(truth, found)).isGreaterThanOrEqualTo(0.9);

        // frequent recent big spenders, recent first-timers, and long-gone one-off buyers, by the documented rules
        assertThat(nameOfGroup(0, segmentOf)).isEqualTo("Champions");
        assertThat(nameOfGroup(1, segmentOf)).isEqualTo("New");
        assertThat(nameOfGroup(3, segmentOf)).isEqualTo("Lost");

        JsonPath segments = asStaff().get("/api/segments").then().statusCode(200).extract().jsonPath();
        assertThat(segments.getList("segments.profile.customers", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(PlantedShop.GROUPS * PlantedShop.PER_GROUP);
        assertThat(segments.getList("segments.profile.revenueShare", Float.class).stream().mapToDouble(Float::doubleValue).sum())
                .isCloseTo(1.0, within(1e-4));
    }

    @Test
    void retrainingLaterKeepsEachGroupsSegmentId() {
        trainAt(PlantedShop.SNAPSHOT);
        Map<Long, Integer> before = segmentOfEveryCustomer();

        trainAt(PlantedShop.SNAPSHOT.plusDays(3));
        Map<Long, Integer> after = segmentOfEveryCustomer();

        long kept = planted.keySet().stream().filter(id -> before.get(id).equals(after.get(id))).count();
        assertThat(kept).isGreaterThanOrEqualTo(Math.round(0.95 * planted.size()));
    }

    @Test
    void activatingAnEarlierVersionReassignsEveryCustomerWithIt() {
        long earlier = trainAt(PlantedShop.SNAPSHOT).getLong("modelId");
        Map<Long, Integer> underEarlier = segmentOfEveryCustomer();
        long later = trainAt(PlantedShop.SNAPSHOT.plusDays(3)).getLong("modelId");
        asStaff().get("/api/segments/models/active").then().statusCode(200).body("id", equalTo((int) later));
        asStaff().get("/api/segments/models?size=200").then().statusCode(200)
                .body("items.find { it.id == " + earlier + " }.active", equalTo(false));

        asStaff().post("/api/segments/models/{id}/activation", earlier).then().statusCode(200).body("active", equalTo(true));

        asStaff().get("/api/segments/models/active").then().statusCode(200).body("id", equalTo((int) earlier));
        asStaff().get("/api/segments").then().statusCode(200).body("modelId", equalTo((int) earlier));
        Map<Long, Integer> reassigned = segmentOfEveryCustomer();
        long same = planted.keySet().stream().filter(id -> underEarlier.get(id).equals(reassigned.get(id))).count();
        assertThat(same).isGreaterThanOrEqualTo(Math.round(0.95 * planted.size()));
        asStaff().get("/api/segments/models/{id}", 987_654_321L).then().statusCode(404);
    }

    @Test
    void orderEventsReassignLikeAnAssignmentFromScratch() throws Exception {
        trainAt(PlantedShop.SNAPSHOT);
        long customerId = PlantedShop.FIRST_CUSTOMER + 3; // group 3: lost
        int lostSegment = asStaff().get("/api/segments/customers/{id}", customerId).then().statusCode(200)
                .extract().path("segmentId");
        String lostCell = asStaff().get("/api/segments/customers/{id}", customerId).then().extract().path("rfm.cell");

        // the customer comes back: 25 big orders within a week after the snapshot, one of them later cancelled
        List<String> events = new ArrayList<>();
        List<Long> placed = new ArrayList<>();
        long cancelledOrder = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int o = 0; o < 25; o++) {
                LocalDateTime orderedAt = PlantedShop.SNAPSHOT.plusHours(2 + 6 * o);
                long orderId = PlantedShop.insertOrder(connection, customerId, "pending", orderedAt, 150);
                placed.add(orderId);
                cancelledOrder = orderId;
                events.add(SampleEvents.orderPlaced(UUID.randomUUID(), customerId, orderId, orderedAt.toInstant(ZoneOffset.UTC).toString(), "pending",
                        "150.00", List.of(new SampleEvents.Line(1, 1, "150.00")), List.of("succeeded")));
            }
        }
        apply(events);
        assertMatchesFromScratch(customerId);
        int moved = asStaff().get("/api/segments/customers/{id}", customerId).then().extract().path("segmentId");
        assertThat(moved).isNotEqualTo(lostSegment);
        // The RFM map follows the same events: the customer is now among the most recent, out of their old cell.
        JsonPath rfm = asStaff().get("/api/segments/customers/{id}", customerId).then().extract().jsonPath();
        assertThat(rfm.getInt("rfm.recencyScore")).isEqualTo(5);
        assertThat(rfm.getString("rfm.cell")).isNotEqualTo(lostCell);
        assertThat(changes.published()).anySatisfy(change -> {
            assertThat(change.customerId()).isEqualTo(customerId);
            assertThat(change.fromSegmentId()).isEqualTo(lostSegment);
            assertThat(change.toSegmentId()).isEqualTo(moved);
        });

        LocalDateTime cancelledAt = PlantedShop.SNAPSHOT.plusDays(8);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement cancel = connection.prepareStatement("UPDATE commerce.orders SET status = 'cancelled' WHERE id = ?")) {
            cancel.setLong(1, cancelledOrder);
            cancel.executeUpdate();
        }
        apply(List.of(SampleEvents.orderStatusChanged(UUID.randomUUID(), customerId, cancelledOrder, cancelledAt.toInstant(ZoneOffset.UTC).toString(),
                "cancelled", "pending", "150.00")));
        assertMatchesFromScratch(customerId);
        assertStoredSummaryIsTheCommerceTables(customerId);
        deleteOrders(placed); // the other tests segment the planted shop; an activation reads every order there is
    }

    @Test
    void eventsAppliedWhileAModelTrainsSurviveItsActivation() throws Exception {
        trainAt(PlantedShop.SNAPSHOT);
        long customerId = PlantedShop.FIRST_CUSTOMER + 5;
        List<Long> placed = new ArrayList<>();
        long[] cancelled = new long[1];
        // Between the training's snapshot read and its activation the customer orders twice (once after the snapshot
        // time, once before it but committed late) and cancels a planted order; each event is applied and claimed
        // before the activation rewrites the rows, so it is never applied again.
        TrainingProgress midway = (stage, fraction) -> {
            if (!stage.startsWith("naming")) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                List<String> events = new ArrayList<>();
                for (LocalDateTime orderedAt : List.of(PlantedShop.SNAPSHOT.plusHours(3), PlantedShop.SNAPSHOT.minusMinutes(1))) {
                    long orderId = PlantedShop.insertOrder(connection, customerId, "pending", orderedAt, 240);
                    placed.add(orderId);
                    events.add(SampleEvents.orderPlaced(UUID.randomUUID(), customerId, orderId, orderedAt.toInstant(ZoneOffset.UTC).toString(),
                            "pending", "240.00", List.of(new SampleEvents.Line(1, 1, "240.00")), List.of("succeeded")));
                }
                cancelled[0] = cancelFirstOrderOf(connection, customerId);
                events.add(SampleEvents.orderStatusChanged(UUID.randomUUID(), customerId, cancelled[0],
                        PlantedShop.SNAPSHOT.plusHours(4).toInstant(ZoneOffset.UTC).toString(), "cancelled", "delivered", "0.00"));
                apply(events);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            trainer.train(PlantedShop.SNAPSHOT, midway);
            assertThat(placed).hasSize(2);
            assertStoredSummaryIsTheCommerceTables(customerId);
            assertMatchesFromScratch(customerId);
        } finally {
            deleteOrders(placed);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement restore = connection.prepareStatement("UPDATE commerce.orders SET status = 'delivered' WHERE id = ?")) {
                restore.setLong(1, cancelled[0]);
                restore.executeUpdate();
            }
        }
    }

    @Test
    void everyWriterOfCustomerRowsAssessesACustomerTheSameWay() throws Exception {
        long sessionsOnly = PlantedShop.FIRST_CUSTOMER + 10_000;
        long cancelledOnly = PlantedShop.FIRST_CUSTOMER + 10_001;
        List<Long> orders = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO commerce.customer_session VALUES (9900001, " + sessionsOnly + ", '2024-12-01 10:00:00')");
            orders.add(PlantedShop.insertOrder(connection, cancelledOnly, "cancelled", PlantedShop.SNAPSHOT.minusDays(2), 80));
        }
        try {
            long earlier = trainAt(PlantedShop.SNAPSHOT).getLong("modelId");
            assertEveryRowIsTheActiveModelsAssessment(); // written by the training's activation
            trainAt(PlantedShop.SNAPSHOT.plusDays(3));
            asStaff().post("/api/segments/models/{id}/activation", earlier).then().statusCode(200);
            assertEveryRowIsTheActiveModelsAssessment(); // written by an explicit activation

            LocalDateTime orderedAt = PlantedShop.SNAPSHOT.plusHours(1);
            try (Connection connection = dataSource.getConnection()) {
                orders.add(PlantedShop.insertOrder(connection, sessionsOnly, "pending", orderedAt, 50));
            }
            apply(List.of(SampleEvents.orderPlaced(UUID.randomUUID(), sessionsOnly, orders.get(1), orderedAt.toInstant(ZoneOffset.UTC).toString(),
                            "pending", "50.00", List.of(new SampleEvents.Line(1, 1, "50.00")), List.of("succeeded")),
                    SampleEvents.orderStatusChanged(UUID.randomUUID(), cancelledOnly, orders.get(0),
                            orderedAt.toInstant(ZoneOffset.UTC).toString(), "cancelled", "pending", "0.00")));
            assertEveryRowIsTheActiveModelsAssessment(); // written by an event batch
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(CustomerSegment.<CustomerSegment>findById(sessionsOnly).segmentId).isNotNull();
                CustomerSegment cancelled = CustomerSegment.findById(cancelledOnly);
                assertThat(cancelled.segmentId).isNull();
                assertThat(cancelled.modelId).isEqualTo(earlier);
            });
        } finally {
            deleteOrders(orders);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM commerce.customer_session WHERE id = 9900001");
                statement.executeUpdate("DELETE FROM segmentation.customer_segment WHERE customer_id IN (" + sessionsOnly + ", "
                        + cancelledOnly + ")");
            }
        }
    }

    /**
     * Every stored row holds the active model's assessment of its summary at its reference time: model, segment,
     * distance and RFM square, with none of the last three for a customer without an order to segment on.
     */
    private void assertEveryRowIsTheActiveModelsAssessment() {
        QuarkusTransaction.requiringNew().run(() -> {
            ActiveModel model = models.current().orElseThrow();
            List<CustomerSegment> rows = CustomerSegment.listAll();
            assertThat(rows).anyMatch(row -> row.segmentId == null);
            for (CustomerSegment row : rows) {
                assertThat(new ActiveModel.Assessment(row.modelId, row.assessedAt, row.segmentId, row.distance, row.rfmRecency,
                        row.rfmFrequencyMonetary)).as("customer %d", row.customerId).isEqualTo(model.assess(row.summary(), row.assessedAt));
            }
        });
    }

    /** Cancels the customer's first order not cancelled; returns its id. */
    private static long cancelFirstOrderOf(Connection connection, long customerId) throws Exception {
        long orderId;
        try (PreparedStatement first = connection.prepareStatement("SELECT MIN(id) FROM commerce.orders WHERE customer_id = ?"
                + " AND status <> 'cancelled'")) {
            first.setLong(1, customerId);
            try (java.sql.ResultSet row = first.executeQuery()) {
                row.next();
                orderId = row.getLong(1);
            }
        }
        try (PreparedStatement cancel = connection.prepareStatement("UPDATE commerce.orders SET status = 'cancelled' WHERE id = ?")) {
            cancel.setLong(1, orderId);
            assertThat(cancel.executeUpdate()).isOne();
        }
        return orderId;
    }

    /** The row's order count and spend are those of the commerce tables now: nothing lost, nothing counted twice. */
    private void assertStoredSummaryIsTheCommerceTables(long customerId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT (SELECT COUNT(*) FROM commerce.orders o WHERE o.customer_id = ?"
                        + " AND o.kind = 'sale' AND o.status <> 'cancelled'), (SELECT COALESCE(SUM(o.total_amount), 0) FROM commerce.orders o"
                        + " WHERE o.customer_id = ? AND o.kind = 'sale' AND o.status <> 'cancelled'), s.orders, s.spend"
                        + " FROM segmentation.customer_segment s WHERE s.customer_id = ?")) {
            read.setLong(1, customerId);
            read.setLong(2, customerId);
            read.setLong(3, customerId);
            try (java.sql.ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(3)).as("orders").isEqualTo(row.getInt(1));
                assertThat(row.getBigDecimal(4)).as("spend").isEqualByComparingTo(row.getBigDecimal(2));
            }
        }
    }

    private void deleteOrders(List<Long> orderIds) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM commerce.orders WHERE id = ?")) {
            for (long orderId : orderIds) {
                delete.setLong(1, orderId);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void theRfmMapPlacesEveryCustomerInOneNamedCell() {
        trainAt(PlantedShop.SNAPSHOT);
        Map<Long, Integer> segmentOf = segmentOfEveryCustomer();

        JsonPath map = asStaff().get("/api/segments/rfm-map").then().statusCode(200).extract().jsonPath();
        int customers = PlantedShop.GROUPS * PlantedShop.PER_GROUP;
        assertThat(map.getInt("customers")).isEqualTo(customers);
        assertThat(map.getList("cells.cell", String.class)).containsExactly("Champions", "Loyal", "Potential loyalists", "New",
                "Promising", "Need attention", "About to sleep", "At risk", "Can't lose them", "Hibernating", "Lost");
        assertThat(map.getList("cells.customers", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(customers);
        List<List<Integer>> grid = map.getList("grid");
        assertThat(grid.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum()).isEqualTo(customers);
        assertThat(map.getList("bySegment.segmentId", Integer.class)).containsExactlyInAnyOrderElementsOf(
                new java.util.HashSet<>(segmentOf.values()));

        // Frequent recent big spenders are mostly Champions. Long-gone one-off buyers are a quarter of the shop, more than
        // the lowest recency quintile holds: each is in a cell of recency score 1 or 2 (the map's two left columns).
        assertThat(cellsOfGroup(0)).filteredOn("Champions"::equals).hasSizeGreaterThan(PlantedShop.PER_GROUP / 2);
        assertThat(cellsOfGroup(3)).isSubsetOf("Lost", "Hibernating", "At risk", "Can't lose them").contains("Lost");
    }

    @Test
    void theRfmMapCountsTheSquareEachCustomerIsScoredInWhetherKeptOrNot() throws Exception {
        trainAt(PlantedShop.SNAPSHOT);
        // One customer orders after the snapshot: the reassignment keeps their new square. (The order goes again at the
        // end: the other tests compute their customers from the commerce tables.)
        long returning = PlantedShop.FIRST_CUSTOMER + 1;
        long orderId;
        try (Connection connection = dataSource.getConnection()) {
            LocalDateTime orderedAt = PlantedShop.SNAPSHOT.plusHours(5);
            orderId = PlantedShop.insertOrder(connection, returning, "pending", orderedAt, 900);
            apply(List.of(SampleEvents.orderPlaced(UUID.randomUUID(), returning, orderId, orderedAt.toInstant(ZoneOffset.UTC).toString(),
                    "pending", "900.00", List.of(new SampleEvents.Line(1, 1, "900.00")), List.of("succeeded"))));
        }
        try {
            rfmMapMatchesEachCustomerKeptOrNot();
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
                delete.executeUpdate("DELETE FROM commerce.orders WHERE id = " + orderId);
            }
        }
    }

    private void rfmMapMatchesEachCustomerKeptOrNot() throws Exception {
        Map<String, Integer> scoredOneByOne = new HashMap<>();
        for (long customerId : planted.keySet()) {
            String cell = asStaff().get("/api/segments/customers/{id}", customerId).then().statusCode(200).extract().path("rfm.cell");
            scoredOneByOne.merge(cell, 1, Integer::sum);
        }
        assertThat(rfmCells()).as("the map against each customer scored on its own").isEqualTo(scoredOneByOne);

        // Rows without their square (assessed before squares were kept) are scored as the map reads them ...
        int forgotten;
        try (Connection connection = dataSource.getConnection(); Statement forget = connection.createStatement()) {
            forgotten = forget.executeUpdate("UPDATE segmentation.customer_segment SET rfm_recency = NULL, rfm_frequency_monetary = NULL"
                    + " WHERE MOD(customer_id, 2) = 0 AND segment_id IS NOT NULL");
        }
        assertThat(forgotten).isPositive();
        assertThat(rfmCells()).isEqualTo(scoredOneByOne);
        // ... until the backfill gives them their square again.
        assertThat(squaresBackfill.fill()).isEqualTo(forgotten);
        try (Connection connection = dataSource.getConnection(); Statement count = connection.createStatement();
                java.sql.ResultSet left = count.executeQuery("SELECT COUNT(*) FROM segmentation.customer_segment"
                        + " WHERE segment_id IS NOT NULL AND rfm_recency IS NULL")) {
            left.next();
            assertThat(left.getInt(1)).isZero();
        }
        assertThat(rfmCells()).isEqualTo(scoredOneByOne);
    }

    /** The RFM map's customers per named cell (cells without customers left out). */
    private static Map<String, Integer> rfmCells() {
        JsonPath map = asStaff().get("/api/segments/rfm-map").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> cells = new HashMap<>();
        List<String> names = map.getList("cells.cell", String.class);
        List<Integer> counts = map.getList("cells.customers", Integer.class);
        for (int i = 0; i < names.size(); i++) {
            if (counts.get(i) > 0) {
                cells.put(names.get(i), counts.get(i));
            }
        }
        return cells;
    }

    @Test
    void monthlyTransitionsCountEveryCustomerOnceInBothMatrices() {
        trainAt(PlantedShop.SNAPSHOT);
        java.time.YearMonth month = java.time.YearMonth.from(PlantedShop.SNAPSHOT.minusDays(1));
        LocalDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().minusNanos(1_000_000);
        int customersByMonthEnd = QuarkusTransaction.requiringNew().call(() -> snapshot.summaries(monthEnd).size());

        JsonPath transitions = asStaff().get("/api/segments/transitions?month={month}", month.toString()).then().statusCode(200)
                .extract().jsonPath();

        for (String matrix : List.of("segments", "rfm")) {
            List<String> labels = transitions.getList(matrix + ".labels", String.class);
            List<List<Integer>> counts = transitions.getList(matrix + ".counts");
            assertThat(labels).last().isEqualTo("No order");
            assertThat(counts).hasSize(labels.size()).allSatisfy(row -> assertThat(row).hasSize(labels.size()));
            assertThat(counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum()).as(matrix).isEqualTo(customersByMonthEnd);
        }
        assertThat(transitions.getString("from")).startsWith(month.minusMonths(1) + "-30T23:59:59.999");
        asStaff().get("/api/segments/transitions?month=2024-13").then().statusCode(400).body("errors[0].field", equalTo("month"));
    }

    private List<String> cellsOfGroup(int group) {
        List<String> cells = new ArrayList<>();
        planted.forEach((customerId, plantedGroup) -> {
            if (plantedGroup == group) {
                cells.add(asStaff().get("/api/segments/customers/{id}", customerId).then().statusCode(200).extract().path("rfm.cell"));
            }
        });
        return cells;
    }

    @Test
    void unknownIdsAreNotFoundAndABadSnapshotNamesTheField() {
        trainAt(PlantedShop.SNAPSHOT);
        asStaff().get("/api/segments/customers/{id}", 987_654_321L).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asStaff().get("/api/segments/{id}/customers", 999).then().statusCode(404);
        asStaff().get("/api/segments/training-jobs/{id}", 987_654_321L).then().statusCode(404);
        asStaff().contentType("application/json").body("{\"snapshotAt\": \"2999-01-01T00:00:00Z\"}")
                .post("/api/segments/training-jobs").then().statusCode(400).body("errors[0].field", equalTo("snapshotAt"));
        asStaff().get("/api/segments/{id}/customers?size=0", 1).then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void projectionPlotsASampleWithItsSegments() {
        trainAt(PlantedShop.SNAPSHOT);
        JsonPath projection = asStaff().get("/api/segments/projection?sample=100").then().statusCode(200).extract().jsonPath();
        assertThat(projection.getList("points")).hasSize(100);
        List<Integer> segmentIds = asStaff().get("/api/segments").then().extract().jsonPath().getList("segments.profile.segmentId", Integer.class);
        assertThat(projection.getList("points.segmentId", Integer.class)).allMatch(segmentIds::contains);
        assertThat(projection.getList("explainedVariance", Float.class).get(0)).isGreaterThan(0.3f);
        // Each point is its customer's stored summary, standardised and projected by the active model (read back as floats).
        List<Map<String, Object>> points = projection.getList("points");
        for (Map<String, Object> point : points.subList(0, 10)) {
            long customerId = ((Number) point.get("customerId")).longValue();
            double[] xy = QuarkusTransaction.requiringNew().call(() -> {
                CustomerSegment row = CustomerSegment.findById(customerId);
                ActiveModel model = models.current().orElseThrow();
                return model.definition().pca().project(model.standardize(row.summary(), row.assessedAt));
            });
            assertThat(((Number) point.get("x")).doubleValue()).as("x of %d", customerId).isCloseTo(xy[0], within(1e-5));
            assertThat(((Number) point.get("y")).doubleValue()).as("y of %d", customerId).isCloseTo(xy[1], within(1e-5));
        }
    }

    /** The stored segment and distance equal the active model applied to the commerce tables at the same time. */
    private void assertMatchesFromScratch(long customerId) {
        JsonPath stored = asStaff().get("/api/segments/customers/{id}", customerId).then().statusCode(200).extract().jsonPath();
        // The customer, signed in as a shopper, reads the same through "me" (and nobody else's by id).
        JsonPath mine = asShopper(customerId).get("/api/segments/customers/me").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getLong("customerId")).isEqualTo(customerId);
        assertThat(mine.getInt("segmentId")).isEqualTo(stored.getInt("segmentId"));
        asShopper(customerId).get("/api/segments/customers/{id}", customerId).then().statusCode(403);
        LocalDateTime assessedAt = LocalDateTime.parse(stored.getString("assessedAt"));
        ActiveModel.Assignment fromScratch = QuarkusTransaction.requiringNew().call(() -> {
            PurchaseSummary summary = snapshot.summary(customerId, assessedAt).orElseThrow();
            return models.current().orElseThrow().assign(summary, assessedAt);
        });
        assertThat(stored.getInt("segmentId")).isEqualTo(fromScratch.segmentId());
        assertThat(stored.getDouble("distance")).isCloseTo(fromScratch.distance(), within(1e-5));
        List<Float> distances = stored.getList("distances.distance", Float.class);
        double[] expected = fromScratch.distances().clone();
        Arrays.sort(expected);
        for (int c = 0; c < expected.length; c++) {
            assertThat(distances.get(c).doubleValue()).isCloseTo(expected[c], within(1e-4));
        }
    }

    private void apply(List<String> messages) throws Exception {
        List<OrderEvent> events = new ArrayList<>();
        for (String message : messages) {
            events.add(OrderEventParser.parse(message));
        }
        applier.apply(events);
    }

    private static JsonPath trainAt(LocalDateTime snapshotAt) {
        String location = asStaff().contentType("application/json")
                .body("{\"snapshotAt\": \"" + snapshotAt.toInstant(ZoneOffset.UTC) + "\"}")
                .post("/api/segments/training-jobs").then().statusCode(202).extract().header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = asStaff().get(location).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("SUCCEEDED".equals(status)) {
                return job.setRootPath("report");
            }
            assertThat(status).isNotEqualTo("FAILED");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("training did not finish within 60 s");
    }

    private static Map<Long, Integer> segmentOfEveryCustomer() {
        Map<Long, Integer> segmentOf = new HashMap<>();
        for (int segmentId : asStaff().get("/api/segments").then().statusCode(200).extract().jsonPath()
                .getList("segments.profile.segmentId", Integer.class)) {
            for (int page = 0; ; page++) {
                JsonPath customers = asStaff().get("/api/segments/{id}/customers?size=500&page=" + page, segmentId)
                        .then().statusCode(200).extract().jsonPath();
                List<Long> ids = customers.getList("items.customerId", Long.class);
                ids.forEach(id -> segmentOf.put(id, segmentId));
                if (ids.isEmpty() || (page + 1) * 500L >= customers.getLong("total")) {
                    break;
                }
            }
        }
        return segmentOf;
    }

    private String nameOfGroup(int group, Map<Long, Integer> segmentOf) {
        Map<Integer, Long> votes = new HashMap<>();
        planted.forEach((id, g) -> {
            if (g == group) {
                votes.merge(segmentOf.get(id), 1L, Long::sum);
            }
        });
        int segmentId = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return asStaff().get("/api/segments").then().extract().jsonPath()
                .getString("segments.find { it.profile.segmentId == " + segmentId + " }.profile.name");
    }
}
