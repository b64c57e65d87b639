package com.commerceinsight.recommender.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleConsumer;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.als.ImplicitAlsTrainer;
import com.commerceinsight.recommender.evaluation.HeldOutPurchases;
import com.commerceinsight.recommender.evaluation.ModelMetrics;
import com.commerceinsight.recommender.evaluation.RankingEvaluator;

/**
 * Grid search of ALS hyperparameters on a validation split carved from the training period (train before
 * T − V, validate on purchases in (T − V, T]), so the test window after T is never seen while choosing. Iteration
 * counts cost nothing extra: one training per (factors, λ, alpha) to the largest count, evaluated after each listed
 * sweep. The winner has the best NDCG@k on the validation window.
 */
final class HyperparameterSearch {

    private HyperparameterSearch() {
    }

    static List<CandidateScore> run(TrainingSet train, HeldOutPurchases validation, SearchGrid grid, int cgSteps, long seed,
            int k, DoubleConsumer progress) {
        int maxIterations = grid.iterations().stream().mapToInt(Integer::intValue).max().orElse(10);
        List<CandidateScore> scores = new ArrayList<>();
        int combinations = grid.factors().size() * grid.regularization().size() * grid.alpha().size();
        int done = 0;
        for (int factors : grid.factors()) {
            for (double regularization : grid.regularization()) {
                for (double alpha : grid.alpha()) {
                    AlsParams params = new AlsParams(factors, regularization, alpha, maxIterations, cgSteps, seed);
                    ImplicitAlsTrainer.train(train.strength(), params, (sweep, factorsSoFar) -> {
                        if (grid.iterations().contains(sweep)) {
                            ModelMetrics metrics = RankingEvaluator.evaluate("als", Rankers.als(factorsSoFar, train.purchases()),
                                    validation, k, train.productIds().length);
                            scores.add(new CandidateScore(params.withIterations(sweep), metrics));
                        }
                        return true;
                    });
                    progress.accept((double) ++done / combinations);
                }
            }
        }
        return scores;
    }

    static CandidateScore best(List<CandidateScore> scores) {
        return scores.stream().max(Comparator.comparingDouble((CandidateScore s) -> s.validation().ndcg())
                .thenComparingDouble(s -> s.validation().recall())).orElseThrow();
    }
}
