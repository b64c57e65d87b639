package com.commerceinsight.recommender.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.evaluation.ModelMetrics;
import com.commerceinsight.recommender.signals.SignalWeights;

/** A whole training run on a shop with planted taste groups. */
class ModelTrainerTest {

    static final TrainingPlan PLAN = new TrainingPlan(null, 90, 90, 10,
            new SearchGrid(List.of(8, 16), List.of(0.1, 1.0), List.of(5.0), List.of(5, 10)), 3, 17, 30,
            new SignalWeights(1.0, 0.5, 0.5));

    @Test
    void alsBeatsPopularityOnRecallByAClearMarginOnPlantedTastes() {
        PlantedShop shop = new PlantedShop(3_000, 400, 8, 12, 1);
        List<Double> progress = new ArrayList<>();

        ModelTrainer.Outcome outcome = ModelTrainer.train(shop.log, PLAN, progress::add);

        Map<String, ModelMetrics> test = outcome.report().test().stream()
                .collect(Collectors.toMap(ModelMetrics::model, Function.identity()));
        assertThat(test.get("als").customers()).isGreaterThan(500);
        assertThat(test.get("als").recall()).isGreaterThan(1.5 * test.get("popularity").recall());
        assertThat(test.get("als").ndcg()).isGreaterThan(test.get("popularity").ndcg());
        assertThat(test.get("item-item").recall()).isGreaterThan(test.get("popularity").recall());
        // A suspiciously perfect score would mean the test window leaked into training.
        assertThat(test.get("als").recall()).isLessThan(0.9);
        assertThat(test.get("als").coverage()).isGreaterThan(test.get("popularity").coverage());
        assertThat(outcome.report().candidates()).hasSize(2 * 2 * 2);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void evaluationModelsNeverSeeTheTestWindowAndTheServedModelSeesEverything() {
        PlantedShop shop = new PlantedShop(300, 60, 3, 6, 2);
        Instant cutoff = PlantedShop.START.plusSeconds(500L * 86_400);
        TrainingPlan plan = new TrainingPlan(cutoff, 90, 60, 10,
                new SearchGrid(List.of(4), List.of(0.1), List.of(5.0), List.of(3)), 3, 1, 10, PLAN.weights());

        ModelTrainer.Outcome outcome = ModelTrainer.train(shop.log, plan, share -> { });

        assertThat(outcome.report().cutoff()).isEqualTo(cutoff);
        assertThat(outcome.report().validationFrom()).isEqualTo(cutoff.minusSeconds(60L * 86_400));
        TrainingSet beforeCutoff = TrainingSet.before(shop.log, cutoff, plan.weights());
        long signalsBefore = java.util.stream.IntStream.range(0, shop.log.size())
                .filter(row -> shop.log.epochSecond(row) < cutoff.getEpochSecond()).count();
        assertThat(beforeCutoff.strength().nonZeros()).isLessThanOrEqualTo((int) signalsBefore);
        assertThat(outcome.models().data().customerIds()).hasSize(300);
        assertThat(outcome.report().customers()).isEqualTo(300);
    }

    @Test
    void theServedModelEndsWhereTheLogIsSettledAndTheOrdersAfterAreLeftToTheFoldIn() {
        PlantedShop shop = new PlantedShop(300, 60, 3, 6, 3);
        TrainingPlan plan = new TrainingPlan(null, 90, 60, 10,
                new SearchGrid(List.of(4), List.of(0.1), List.of(5.0), List.of(3)), 3, 1, 10, PLAN.weights());
        Instant lastSignal = java.util.stream.IntStream.range(0, shop.log.size()).mapToObj(shop.log::epochSecond)
                .max(Long::compare).map(Instant::ofEpochSecond).orElseThrow();
        assertThat(ModelTrainer.servedUntil(shop.log)).isEqualTo(lastSignal.plusSeconds(1));

        // As a read of the live tables leaves it: the last days may still be missing orders committing during the read.
        Instant settled = lastSignal.minusSeconds(3L * 86_400);
        shop.log.settledBefore(settled);
        ModelTrainer.Outcome outcome = ModelTrainer.train(shop.log, plan, share -> { });

        assertThat(outcome.report().trainedUntil()).isEqualTo(settled);
        TrainingSet settledPart = TrainingSet.before(shop.log, settled, plan.weights());
        assertThat(outcome.models().data().strength().nonZeros()).isEqualTo(settledPart.strength().nonZeros())
                .isLessThan(TrainingSet.before(shop.log, lastSignal.plusSeconds(1), plan.weights()).strength().nonZeros());
        // A log settled after its last signal ends where it did.
        shop.log.settledBefore(lastSignal.plusSeconds(3_600));
        assertThat(ModelTrainer.servedUntil(shop.log)).isEqualTo(lastSignal.plusSeconds(1));
    }
}
