package com.commerceinsight.recommender.foldin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.SampleEvents;
import com.commerceinsight.recommender.events.EventBatchApplier;
import com.commerceinsight.recommender.models.ActiveModel;
import com.commerceinsight.recommender.models.ModelRegistry;
import com.commerceinsight.recommender.scoring.CustomerRow;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.signals.SignalConfig;
import com.commerceinsight.recommender.training.FinishedJobs;
import com.commerceinsight.recommender.training.PlantedShop;
import com.commerceinsight.recommender.training.TrainingJob;
import com.commerceinsight.recommender.training.TrainingJobRequest;
import com.commerceinsight.recommender.training.TrainingJobView;
import com.commerceinsight.recommender.training.TrainingJobs;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A model version activated after purchases were made since its training data ended (while it trained, say, when
 * the events went into the version active then) serves them: each customer's row is their trained row with exactly
 * those purchases folded in, whether their events were applied before the activation, after it, or both sides of it.
 * A row stored by another replica reaches this one's memory, and a late write with fewer lines does not replace a row.
 */
@QuarkusTest
class ActivationFoldInTest {

    private static final PlantedShop SHOP = new PlantedShop(1_500, 200, 5, 10, 23);
    private static final long KNOWN = PlantedShop.customerId(21);
    private static final long NEWCOMER = 988_000_001L;

    @Inject
    TrainingJobs jobs;

    @Inject
    ModelRegistry registry;

    @Inject
    ActiveModel active;

    @Inject
    EventBatchApplier applier;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SignalConfig signals;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void deleteOrders() throws SQLException {
        CommerceOrders.deleteOrdersOf(dataSource, List.of(KNOWN, NEWCOMER));
    }

    @Test
    void purchasesMadeBeforeAnActivationAreFoldedIntoTheActivatedVersionOnce() throws Exception {
        registry.activate(train());
        String next = train(); // trained, not yet active: the purchases below go into the version active now
        ServingModel model = active.load(next);
        Instant after = model.trainedUntil().plus(Duration.ofHours(1));
        long[] p = { PlantedShop.productId(3), PlantedShop.productId(77), PlantedShop.productId(150), PlantedShop.productId(9),
                PlantedShop.productId(120), 999_999L /* a product no model knows */ };

        orderAndApply(KNOWN, after, List.of(p[0], p[1]));
        orderAndApply(NEWCOMER, after.plusSeconds(60), List.of(p[2]));
        String committedBeforeItsEvent = order(KNOWN, after.plusSeconds(120), List.of(p[3], p[5]));
        registry.activate(next);

        assertFoldedIn(model, KNOWN, 4, columns(model, p[0], p[1], p[3]));
        assertFoldedIn(model, NEWCOMER, 1, columns(model, p[2]));

        applier.apply(List.of(OrderEventParser.parse(committedBeforeItsEvent)));
        orderAndApply(NEWCOMER, after.plusSeconds(180), List.of(p[4]));
        applier.apply(List.of(OrderEventParser.parse(committedBeforeItsEvent))); // redelivered: claimed already

        assertFoldedIn(model, KNOWN, 4, columns(model, p[0], p[1], p[3]));
        assertFoldedIn(model, NEWCOMER, 2, columns(model, p[2], p[4]));
    }

    @Test
    void anOrderPlacedBeforeTheTrainingEndedIsNotFoldedIn() throws Exception {
        String version = train();
        registry.activate(version);
        ServingModel model = active.load(version);

        orderAndApply(NEWCOMER, model.trainedUntil().minusSeconds(5), List.of(PlantedShop.productId(3)));

        assertThat(stored(version, NEWCOMER)).isNull();
        assertThat(active.current().customer(NEWCOMER)).isNull();
    }

    @Test
    void aRowAnotherReplicaFoldedInIsServedHereAfterTheNextRefresh() throws Exception {
        String version = train();
        registry.activate(version);
        ServingModel model = active.load(version);
        CustomerRow row = model.foldIn(null, columns(model, PlantedShop.productId(3), PlantedShop.productId(77)),
                signals.purchaseWeight());
        QuarkusTransaction.requiringNew().run(() -> { // what another replica's event batch stores
            CustomerFoldIn stored = new CustomerFoldIn();
            stored.modelVersionId = version;
            stored.customerId = NEWCOMER;
            stored.signals = FoldInCodec.signals(row);
            stored.vector = FoldInCodec.vector(row);
            stored.purchaseLines = 2;
            stored.writtenBy = "another replica";
            stored.updatedAt = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
            stored.persist();
        });
        assertThat(active.current().customer(NEWCOMER)).isNull();

        active.refresh();

        assertThat(active.current().customer(NEWCOMER).products()).containsExactly(row.products());
        double read = rowsReadBack();
        active.refresh(); // the row is still within the overlap, unchanged: its key is read, not the row
        assertThat(rowsReadBack()).isEqualTo(read);

        CustomerRow grown = model.foldIn(row, columns(model, PlantedShop.productId(120)), signals.purchaseWeight());
        QuarkusTransaction.requiringNew().run(() -> { // the other replica folds in one more purchase line
            CustomerFoldIn stored = CustomerFoldIn.find("modelVersionId = ?1 and customerId = ?2", version, NEWCOMER).firstResult();
            stored.signals = FoldInCodec.signals(grown);
            stored.vector = FoldInCodec.vector(grown);
            stored.purchaseLines = 3;
            stored.updatedAt = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        });
        active.refresh();
        assertThat(rowsReadBack()).isEqualTo(read + 1);
        assertThat(active.current().customer(NEWCOMER).products()).containsExactly(grown.products());
    }

    private double rowsReadBack() {
        return metrics.counter("recommender.fold_in.rows_read").count();
    }

    @Test
    void aLateWriteWithFewerPurchaseLinesKeepsTheRowWithMore() throws Exception {
        String version = "fold-in-rows-test";
        CustomerRow one = new CustomerRow(new int[] { 1 }, new float[] { 1f }, new int[] { 1 }, new float[] { 0.5f });
        CustomerRow two = new CustomerRow(new int[] { 1, 2 }, new float[] { 1f, 1f }, new int[] { 1, 2 }, new float[] { 0.5f, 0.25f });
        java.time.LocalDateTime now = java.time.LocalDateTime.of(2030, 1, 1, 0, 0);

        write(version, new FoldInRows.Row(NEWCOMER, two, 2, new long[] { 1, 2 }), now); // a row of two lines stored
        write(version, new FoldInRows.Row(NEWCOMER, one, 1, new long[] { 1 }), now.plusSeconds(1)); // a late write of one

        CustomerFoldIn kept = stored(version, NEWCOMER);
        assertThat(kept.purchaseLines).isEqualTo(2);
        assertThat(FoldInCodec.decode(kept).products()).containsExactly(1, 2);

        write(version, new FoldInRows.Row(NEWCOMER, one, 3, new long[] { 1, 2, 3 }), now.plusSeconds(2)); // a row of three
        assertThat(stored(version, NEWCOMER).purchaseLines).isEqualTo(3);
        QuarkusTransaction.requiringNew().run(() -> CustomerFoldIn.delete("modelVersionId", version));
    }

    private void write(String version, FoldInRows.Row row, java.time.LocalDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (java.sql.Connection connection = dataSource.getConnection()) {
                FoldInRows.write(connection, version, List.of(row), "a replica", at);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The stored and served rows of the customer equal their trained row with these columns folded in. */
    private void assertFoldedIn(ServingModel model, long customerId, int purchaseLines, int[] columns) {
        CustomerFoldIn row = stored(model.versionId(), customerId);
        assertThat(row).as("the fold-in row of customer %d", customerId).isNotNull();
        assertThat(row.purchaseLines).isEqualTo(purchaseLines);
        CustomerRow expected = model.foldIn(model.trainedCustomer(customerId), columns, signals.purchaseWeight());
        for (CustomerRow actual : List.of(FoldInCodec.decode(row), active.current().customer(customerId))) {
            assertThat(actual.products()).containsExactly(expected.products());
            assertThat(actual.strength()).containsExactly(expected.strength());
            assertThat(actual.bought()).containsExactly(expected.bought());
            assertThat(actual.vector()).containsExactly(expected.vector(), within(1e-6f));
        }
        assertThat(active.current().versionId()).isEqualTo(model.versionId());
    }

    private static CustomerFoldIn stored(String versionId, long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerFoldIn.<CustomerFoldIn>find(
                "modelVersionId = ?1 and customerId = ?2", versionId, customerId).firstResult());
    }

    private static int[] columns(ServingModel model, long... productIds) {
        return java.util.Arrays.stream(productIds).mapToInt(model::productColumn).peek(c -> assertThat(c).isNotNegative()).toArray();
    }

    private void orderAndApply(long customerId, Instant orderedAt, List<Long> productIds) throws Exception {
        applier.apply(List.of(OrderEventParser.parse(order(customerId, orderedAt, productIds))));
    }

    /** Commits the order in the commerce tables; returns its event, not applied. */
    private String order(long customerId, Instant orderedAt, List<Long> productIds) throws SQLException {
        long orderId = CommerceOrders.insert(dataSource, customerId, orderedAt, productIds);
        List<SampleEvents.Line> lines = productIds.stream().map(id -> new SampleEvents.Line(id, 1, "10.00")).toList();
        return SampleEvents.orderPlaced(UUID.randomUUID(), customerId, orderId, orderedAt.toString(), "pending",
                "%d.00".formatted(10 * lines.size()), lines, List.of("succeeded"));
    }

    private String train() throws InterruptedException {
        TrainingJobView view = FinishedJobs.await(jobs,
                jobs.start(new TrainingJobRequest(null, 90, false), TrainingJob.Trigger.API, () -> SHOP.log));
        assertThat(view.status()).isEqualTo(TrainingJob.Status.SUCCEEDED);
        return view.modelVersionId();
    }
}
