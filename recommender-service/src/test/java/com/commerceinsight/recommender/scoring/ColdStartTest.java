package com.commerceinsight.recommender.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.signals.SignalKind;
import com.commerceinsight.recommender.training.PlantedShop;
import com.commerceinsight.recommender.training.TrainedModels;
import com.commerceinsight.recommender.training.TrainingSet;

/** Category filters: popular products within a customer's categories (cold start) and ALS lists kept to one category. */
class ColdStartTest {

    @Test
    void alsListWithACategoryHoldsOnlyThatCategory() {
        PlantedShop shop = new PlantedShop(400, 80, 4, 6, 6);
        Map<Long, Long> categories = new HashMap<>();
        for (int p = 0; p < shop.products; p++) {
            categories.put(PlantedShop.productId(p), 100L + shop.groupOfProduct(PlantedShop.productId(p)));
        }
        ServingModel model = new ServingModel("v", TrainedModels.fit(TrainingSet.before(shop.log, FoldInTest.END, FoldInTest.WEIGHTS),
                FoldInTest.PARAMS, 10, null), categories);
        long customer = PlantedShop.customerId(0);
        long otherCategory = 100L + (shop.groupOf[0] + 1) % shop.groups;

        List<ScoredProduct> list = model.recommend(model.customer(customer), 5, otherCategory, false, 3);

        assertThat(list).hasSize(5);
        assertThat(list).allSatisfy(p -> assertThat(model.categoryOf(p.product())).isEqualTo(otherCategory));
    }

    @Test
    void popularWithinCategoriesAreTheMostBoughtOfThoseCategoriesLeavingOutWhatWasBought() {
        PlantedShop shop = new PlantedShop(800, 100, 4, 6, 5);
        Map<Long, Long> categories = new HashMap<>();
        for (int p = 0; p < shop.products; p++) {
            categories.put(PlantedShop.productId(p), 100L + shop.groupOfProduct(PlantedShop.productId(p)));
        }
        ServingModel model = new ServingModel("v", TrainedModels.fit(TrainingSet.before(shop.log, FoldInTest.END, FoldInTest.WEIGHTS),
                FoldInTest.PARAMS, 10, null), categories);
        Map<Long, Set<Long>> buyers = new HashMap<>();
        for (int row = 0; row < shop.log.size(); row++) {
            if (shop.log.kind(row) == SignalKind.PURCHASE) {
                buyers.computeIfAbsent(shop.log.product(row), p -> new HashSet<>()).add(shop.log.customer(row));
            }
        }
        List<Long> ofCategory = buyers.keySet().stream().filter(p -> categories.get(p) == 102L)
                .sorted(Comparator.comparingInt((Long p) -> -buyers.get(p).size()).thenComparing(p -> p)).toList();
        int alreadyBought = model.productColumn(ofCategory.get(0));

        List<Long> popular = model.popular(5, Set.of(102L), new int[] {alreadyBought}).stream()
                .map(p -> model.productId(p.product())).toList();

        assertThat(popular).containsExactlyElementsOf(ofCategory.subList(1, 6));
    }
}
