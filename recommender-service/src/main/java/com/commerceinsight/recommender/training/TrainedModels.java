package com.commerceinsight.recommender.training;

import com.commerceinsight.recommender.als.AlsFactors;
import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.als.ImplicitAlsTrainer;
import com.commerceinsight.recommender.popularity.Popularity;
import com.commerceinsight.recommender.similarity.ItemSimilarity;

/** The three models fitted on one training set: what a model version stores and what serving reads. */
public record TrainedModels(TrainingSet data, AlsParams params, AlsFactors factors, ItemSimilarity similarity,
        Popularity popularity) {

    public static TrainedModels fit(TrainingSet data, AlsParams params, int neighbours, ImplicitAlsTrainer.SweepListener listener) {
        AlsFactors factors = ImplicitAlsTrainer.train(data.strength(), params, listener);
        return new TrainedModels(data, params, factors, ItemSimilarity.fit(data.purchases(), neighbours),
                Popularity.fit(data.purchases()));
    }
}
