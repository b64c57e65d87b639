package com.commerceinsight.recommender.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalKind;
import com.commerceinsight.recommender.signals.SignalWeights;
import com.commerceinsight.recommender.training.PlantedShop;
import com.commerceinsight.recommender.training.TrainedModels;
import com.commerceinsight.recommender.training.TrainingSet;

/** Folding purchases into one customer's vector against retraining the whole model with those purchases. */
class FoldInTest {

    static final SignalWeights WEIGHTS = new SignalWeights(1.0, 0.5, 0.5);
    static final AlsParams PARAMS = new AlsParams(8, 1.0, 5, 10, 3, 17);
    static final Instant END = PlantedShop.START.plusSeconds(PlantedShop.DAYS * 86_400L + 1);

    static PlantedShop shop;
    static ServingModel model;

    @BeforeAll
    static void train() {
        shop = new PlantedShop(1_500, 200, 5, 10, 4);
        model = new ServingModel("v1", TrainedModels.fit(TrainingSet.before(shop.log, END, WEIGHTS), PARAMS, 30, null), Map.of());
    }

    @Test
    void foldingInPurchasesFromAnotherTasteMovesTheListTowardsItAndMatchesARetrain() {
        long customer = PlantedShop.customerId(7);
        int ownGroup = shop.groupOf[7];
        int otherGroup = (ownGroup + 1) % shop.groups;
        CustomerRow before = model.customer(customer);
        int[] newPurchases = productsOfGroup(otherGroup, before, 4);

        CustomerRow after = model.foldIn(before, newPurchases, WEIGHTS.purchase());

        List<Long> listBefore = ids(model.recommend(before, 10, null, false, 3));
        List<Long> listAfter = ids(model.recommend(after, 10, null, false, 3));
        assertThat(listAfter).isNotEqualTo(listBefore);
        assertThat(listAfter).doesNotContainAnyElementsOf(Arrays.stream(newPurchases).mapToObj(model::productId).toList());
        assertThat(countInGroup(listAfter, otherGroup)).isGreaterThan(countInGroup(listBefore, otherGroup));

        // Retrain from scratch with the same purchases in the data (same parameters and seed).
        InteractionLog withPurchases = copy(shop.log);
        for (int column : newPurchases) {
            withPurchases.add(customer, model.productId(column), END.minusSeconds(10), SignalKind.PURCHASE, 0);
        }
        ServingModel retrained = new ServingModel("v2",
                TrainedModels.fit(TrainingSet.before(withPurchases, END, WEIGHTS), PARAMS, 30, null), Map.of());
        List<Long> listRetrained = ids(retrained.recommend(retrained.customer(customer), 10, null, false, 3));

        assertThat(overlap(listAfter, listRetrained)).isGreaterThanOrEqualTo(7);
        assertThat(overlap(listAfter, listRetrained)).isGreaterThan(overlap(listBefore, listRetrained));
    }

    @Test
    void aNewCustomerGetsAVectorFromTheirFirstPurchases() {
        int[] purchases = productsOfGroup(2, null, 3);

        CustomerRow row = model.foldIn(null, purchases, WEIGHTS.purchase());

        List<Long> list = ids(model.recommend(row, 10, null, false, 3));
        assertThat(list).hasSize(10);
        assertThat(countInGroup(list, 2)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theOnlyPurchaseOfACustomerIsTheWholeReasonForEveryScore() {
        int[] purchase = productsOfGroup(1, null, 1);
        CustomerRow row = model.foldIn(null, purchase, WEIGHTS.purchase());

        for (ScoredProduct product : model.recommend(row, 5, null, false, 3)) {
            assertThat(product.reasons()).containsExactly(purchase[0]);
            assertThat(product.contributions()[0]).isCloseTo(product.score(), within(1e-4));
        }
    }

    private static int[] productsOfGroup(int group, CustomerRow customer, int count) {
        return IntStream.range(0, model.models().data().productIds().length)
                .filter(c -> shop.groupOfProduct(model.productId(c)) == group)
                .filter(c -> customer == null || Arrays.binarySearch(customer.bought(), c) < 0)
                .limit(count).toArray();
    }

    private static List<Long> ids(List<ScoredProduct> list) {
        return list.stream().map(p -> model.productId(p.product())).toList();
    }

    private static long countInGroup(List<Long> products, int group) {
        return products.stream().filter(p -> shop.groupOfProduct(p) == group).count();
    }

    private static long overlap(List<Long> a, List<Long> b) {
        return a.stream().filter(b::contains).count();
    }

    private static InteractionLog copy(InteractionLog log) {
        InteractionLog copy = new InteractionLog(log.size() + 16);
        for (int row = 0; row < log.size(); row++) {
            copy.add(log.customer(row), log.product(row), Instant.ofEpochSecond(log.epochSecond(row)), log.kind(row), log.rating(row));
        }
        return copy;
    }
}
