package com.commerceinsight.recommender.scoring;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asShopper;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.activity.CustomerItem;
import com.commerceinsight.recommender.events.EventBatchApplier;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.SampleEvents;
import com.commerceinsight.recommender.foldin.CommerceOrders;
import com.commerceinsight.recommender.foldin.CustomerFoldIn;
import com.commerceinsight.recommender.signals.SignalKind;
import com.commerceinsight.recommender.training.FinishedJobs;
import com.commerceinsight.recommender.training.PlantedShop;
import com.commerceinsight.recommender.training.TrainingJob;
import com.commerceinsight.recommender.training.TrainingJobRequest;
import com.commerceinsight.recommender.training.TrainingJobs;
import com.commerceinsight.recommender.training.TrainingJobView;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The API over a model trained by a training job on a shop with planted taste groups (customers 1000.., products
 * 50000.., ids no other test uses), and the order-event fold-in reaching the next request.
 */
@QuarkusTest
class RecommendationApiTest {

    private static PlantedShop shop;
    private static TrainingJobView job;

    @Inject
    TrainingJobs jobs;

    @Inject
    EventBatchApplier applier;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void trainOnce() throws InterruptedException {
        if (job != null) {
            return;
        }
        shop = new PlantedShop(1_500, 200, 5, 10, 11);
        job = FinishedJobs.await(jobs, jobs.start(new TrainingJobRequest(null, 90, true), TrainingJob.Trigger.API, () -> shop.log));
        assertThat(job.status()).isEqualTo(TrainingJob.Status.SUCCEEDED);
    }

    @Test
    void trainingJobStoresAnActiveVersionWithItsReport() {
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(job.report().test()).extracting(m -> m.model()).containsExactly("als", "item-item", "popularity");
        asStaff().when().get("/api/recommendations/models/" + job.modelVersionId())
                .then().statusCode(200)
                .body("active", equalTo(true))
                .body("report.test", hasSize(3))
                .body("customers", equalTo(1_500));
        asStaff().when().get("/api/recommendations/training-jobs/" + job.id())
                .then().statusCode(200).body("status", equalTo("SUCCEEDED")).body("modelVersionId", equalTo(job.modelVersionId()));
        asStaff().queryParam("size", 5).when().get("/api/recommendations/models")
                .then().statusCode(200).body("size", equalTo(5));
        asStaff().when().get("/api/recommendations/models/active")
                .then().statusCode(200).body("id", equalTo(job.modelVersionId())).body("active", equalTo(true));
    }

    @Test
    void activationHasTheSharedPathAndTheOldOneRedirectsToIt() {
        asStaff().when().post("/api/recommendations/models/" + job.modelVersionId() + "/activation")
                .then().statusCode(200).body("active", equalTo(true));
        asStaff().redirects().follow(false).when().post("/api/recommendations/models/" + job.modelVersionId() + "/activate")
                .then().statusCode(308)
                .header("Location", endsWith("/api/recommendations/models/" + job.modelVersionId() + "/activation"));
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        asStaff().when().get("/api/recommendations/models/no-such-version")
                .then().statusCode(404).contentType("application/problem+json");
        asStaff().when().get("/api/recommendations/training-jobs/no-such-job").then().statusCode(404);
        asStaff().when().get("/api/recommendations/products/1/similar").then().statusCode(404);
    }

    @Test
    void invalidListLengthIsABadRequestNamingK() {
        asStaff().queryParam("k", 0).when().get("/api/recommendations/customers/1000")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("k"));
    }

    @Test
    void knownCustomerGetsTheirTasteWithoutWhatTheyBoughtAndWithReasonsFromTheirHistory() {
        int c = 3;
        long customer = PlantedShop.customerId(c);
        Set<Long> bought = productsOf(customer, SignalKind.PURCHASE);
        Set<Long> signalled = productsOf(customer, null);

        var body = asStaff().queryParam("k", 10).when().get("/api/recommendations/customers/" + customer)
                .then().statusCode(200).body("source", equalTo("als")).extract().jsonPath();

        List<Long> products = body.getList("items.productId", Long.class);
        assertThat(products).hasSize(10).doesNotContainAnyElementsOf(bought);
        assertThat(products.stream().filter(p -> shop.groupOfProduct(p) == shop.groupOf[c]).count()).isGreaterThanOrEqualTo(6);
        List<Long> reasons = body.getList("items.reasons.flatten().productId", Long.class);
        assertThat(reasons).isNotEmpty();
        assertThat(signalled).containsAll(reasons);

        // The customer, signed in as a shopper, gets the same list through "me"; by id it may not ask.
        List<Long> mine = asShopper(customer).queryParam("k", 10).when().get("/api/recommendations/customers/me")
                .then().statusCode(200).extract().jsonPath().getList("items.productId", Long.class);
        assertThat(mine).isEqualTo(products);
        asShopper(customer).queryParam("k", 10).when().get("/api/recommendations/customers/" + customer)
                .then().statusCode(403);
    }

    @Test
    void unknownCustomerGetsTheMostBoughtProducts() {
        List<Long> expected = mostBought().subList(0, 5);

        var body = asStaff().queryParam("k", 5).when().get("/api/recommendations/customers/987654321")
                .then().statusCode(200).body("source", equalTo("popular")).extract().jsonPath();

        assertThat(body.getList("items.productId", Long.class)).containsExactlyElementsOf(expected);
    }

    @Test
    void coldCustomerGetsThePopularProductsTheyHaveNotBoughtAndTheRepeatIsServedFromMemory() throws Exception {
        long customer = 987_000_001L;
        List<Long> mostBought = mostBought();
        List<SampleEvents.Line> lines = mostBought.subList(0, 2).stream().map(p -> new SampleEvents.Line(p, 1, "10.00")).toList();
        // Ordered before the model's training data ends: recorded as bought, but not folded in (the customer stays cold).
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderPlaced(UUID.randomUUID(), customer, 7_100_000L,
                "2000-01-01T10:00:00Z", "pending", "20.00", lines, List.of("succeeded")))));
        String path = "/api/recommendations/customers/" + customer;

        List<Long> first = asStaff().queryParam("k", 5).when().get(path).then().statusCode(200)
                .body("source", equalTo("popular")).extract().jsonPath().getList("items.productId", Long.class);
        QuarkusTransaction.requiringNew().run(() -> CustomerItem.delete("customerId", customer));
        List<Long> repeat = asStaff().queryParam("k", 5).when().get(path).then().statusCode(200)
                .extract().jsonPath().getList("items.productId", Long.class);

        assertThat(first).containsExactlyElementsOf(mostBought.subList(2, 7));
        assertThat(repeat).isEqualTo(first);
    }

    @Test
    void similarProductsShareTheProductsTasteGroup() {
        long product = PlantedShop.productId(41);
        List<Long> similar = asStaff().queryParam("k", 10).when().get("/api/recommendations/products/" + product + "/similar")
                .then().statusCode(200).extract().jsonPath().getList("items.productId", Long.class);

        assertThat(similar).isNotEmpty().doesNotContain(product);
        assertThat(similar.stream().filter(p -> shop.groupOfProduct(p) == shop.groupOfProduct(product)).count())
                .isGreaterThanOrEqualTo(similar.size() * 6 / 10);
    }

    @Test
    void anOrderEventIsFoldedIntoTheCustomersNextList() throws Exception {
        int c = 11;
        long customer = PlantedShop.customerId(c);
        int otherGroup = (shop.groupOf[c] + 1) % shop.groups;
        String path = "/api/recommendations/customers/" + customer;
        List<Long> before = asStaff().when().get(path).then().statusCode(200).extract().jsonPath().getList("items.productId", Long.class);
        int perGroup = shop.products / shop.groups;
        List<SampleEvents.Line> lines = java.util.stream.IntStream.range(0, 8).boxed()
                .map(i -> new SampleEvents.Line(PlantedShop.productId(otherGroup * perGroup + i), 1, "10.00")).toList();

        Instant orderedAt = Instant.parse("2030-01-01T10:00:00Z");
        long orderId = CommerceOrders.insert(dataSource, customer, orderedAt, lines.stream().map(SampleEvents.Line::productId).toList());
        applier.apply(List.of(OrderEventParser.parse(SampleEvents.orderPlaced(UUID.randomUUID(), customer, orderId,
                orderedAt.toString(), "pending", "80.00", lines, List.of("succeeded")))));

        List<Long> after = asStaff().when().get(path).then().statusCode(200).extract().jsonPath().getList("items.productId", Long.class);
        assertThat(after).isNotEqualTo(before)
                .doesNotContainAnyElementsOf(lines.stream().map(SampleEvents.Line::productId).toList());
        assertThat(after.stream().filter(p -> shop.groupOfProduct(p) == otherGroup).count())
                .isGreaterThan(before.stream().filter(p -> shop.groupOfProduct(p) == otherGroup).count());
        long stored = QuarkusTransaction.requiringNew().call(() -> CustomerFoldIn.count("modelVersionId = ?1 and customerId = ?2",
                job.modelVersionId(), customer));
        assertThat(stored).isEqualTo(1);
        CommerceOrders.deleteOrdersOf(dataSource, List.of(customer));
    }

    /** Products by number of buyers in the shop, most first (ties: lower id first). */
    private static List<Long> mostBought() {
        Map<Long, Set<Long>> buyers = new HashMap<>();
        for (int row = 0; row < shop.log.size(); row++) {
            if (shop.log.kind(row) == SignalKind.PURCHASE) {
                buyers.computeIfAbsent(shop.log.product(row), p -> new HashSet<>()).add(shop.log.customer(row));
            }
        }
        return buyers.keySet().stream().sorted(Comparator.comparingInt((Long p) -> -buyers.get(p).size()).thenComparing(p -> p))
                .toList();
    }

    private static Set<Long> productsOf(long customer, SignalKind kind) {
        Set<Long> products = new HashSet<>();
        for (int row = 0; row < shop.log.size(); row++) {
            if (shop.log.customer(row) == customer && (kind == null || shop.log.kind(row) == kind)) {
                products.add(shop.log.product(row));
            }
        }
        return products;
    }

}
