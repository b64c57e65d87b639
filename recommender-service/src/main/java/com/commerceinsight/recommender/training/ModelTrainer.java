package com.commerceinsight.recommender.training;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.buyagain.RepurchaseEvaluation;
import com.commerceinsight.recommender.evaluation.HeldOutPurchases;
import com.commerceinsight.recommender.evaluation.ModelMetrics;
import com.commerceinsight.recommender.evaluation.RankingEvaluator;
import com.commerceinsight.recommender.signals.InteractionLog;

/**
 * One training run, plain Java over an interaction log: choose ALS hyperparameters on the validation split,
 * measure ALS, item-item and popularity on the test window (T, T + H] (and buy-again on its re-purchases), then fit
 * the served models on every signal.
 * The order keeps the test window out of every choice: it is only looked at once, after the choice is made.
 */
public final class ModelTrainer {

    /** The served models and the report of the run. */
    public record Outcome(TrainedModels models, TrainingReport report) {
    }

    private ModelTrainer() {
    }

    public static Outcome train(InteractionLog log, TrainingPlan plan, DoubleConsumer progress) {
        Instant lastPurchase = log.lastPurchase();
        if (lastPurchase == null) {
            throw new IllegalStateException("no purchases to learn from");
        }
        Duration horizon = Duration.ofDays(plan.horizonDays());
        Instant cutoff = plan.cutoff() != null ? plan.cutoff() : lastPurchase.minus(horizon);
        Instant validationFrom = cutoff.minus(Duration.ofDays(plan.validationDays()));

        TrainingSet searchSet = TrainingSet.before(log, validationFrom, plan.weights());
        HeldOutPurchases validation = HeldOutPurchases.between(log, searchSet, validationFrom, cutoff);
        List<CandidateScore> candidates = HyperparameterSearch.run(searchSet, validation, plan.grid(), plan.cgSteps(), plan.seed(),
                plan.k(), share -> progress.accept(0.6 * share));
        AlsParams chosen = HyperparameterSearch.best(candidates).params();

        TrainingSet testSet = TrainingSet.before(log, cutoff, plan.weights());
        HeldOutPurchases test = HeldOutPurchases.between(log, testSet, cutoff, cutoff.plus(horizon));
        TrainedModels evaluated = TrainedModels.fit(testSet, chosen, plan.neighbours(), null);
        int catalogue = testSet.productIds().length;
        List<ModelMetrics> metrics = List.of(
                RankingEvaluator.evaluate("als", Rankers.als(evaluated.factors(), testSet.purchases()), test, plan.k(), catalogue),
                RankingEvaluator.evaluate("item-item", Rankers.itemItem(evaluated.similarity(), testSet.purchases()), test, plan.k(), catalogue),
                RankingEvaluator.evaluate("popularity", Rankers.popularity(evaluated.popularity(), testSet.purchases()), test, plan.k(), catalogue));
        List<ModelMetrics> buyAgain = RepurchaseEvaluation.evaluate(log, cutoff, plan.horizonDays(), plan.k());
        progress.accept(0.8);

        Instant trainedUntil = servedUntil(log);
        TrainingSet all = TrainingSet.before(log, trainedUntil, plan.weights());
        List<Double> sweepSeconds = new ArrayList<>();
        long[] sweepStart = {System.nanoTime()};
        TrainedModels served = TrainedModels.fit(all, chosen, plan.neighbours(), (sweep, factors) -> {
            long now = System.nanoTime();
            sweepSeconds.add((now - sweepStart[0]) / 1e9);
            sweepStart[0] = now;
            progress.accept(0.8 + 0.2 * sweep / chosen.iterations());
            return true;
        });
        TrainingReport report = new TrainingReport(cutoff, plan.horizonDays(), validationFrom, trainedUntil,
                all.customerIds().length, all.productIds().length, all.strength().nonZeros(), candidates, chosen, metrics, buyAgain,
                median(sweepSeconds));
        return new Outcome(served, report);
    }

    /**
     * The end of the served model's data: every signal, but none from where the log may still be missing orders that
     * were committing while it was read; those are folded in on activation, as the orders since.
     */
    static Instant servedUntil(InteractionLog log) {
        Instant afterLast = lastSignal(log).plusSeconds(1);
        Instant settled = log.settledBefore();
        return settled != null && settled.isBefore(afterLast) ? settled : afterLast;
    }

    private static Instant lastSignal(InteractionLog log) {
        long last = Long.MIN_VALUE;
        for (int row = 0; row < log.size(); row++) {
            last = Math.max(last, log.epochSecond(row));
        }
        return Instant.ofEpochSecond(last);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
