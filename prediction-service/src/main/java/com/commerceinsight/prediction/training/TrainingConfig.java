package com.commerceinsight.prediction.training;

import io.smallrye.config.ConfigMapping;

/** How repurchase models are trained and evaluated. */
@ConfigMapping(prefix = "prediction.training")
public interface TrainingConfig {

    /** H: the label asks for an order within this many days after the cutoff. */
    int horizonDays();

    /** Folds of the stratified cross-validation on the training snapshot. */
    int folds();

    /** Seed of folds, row and column sampling and permutations: the same data and seed give the same models. */
    long seed();

    /** XGBoost threads per training. */
    int threads();

    /** Start a training job at startup when no model version exists yet and the commerce schema has orders. */
    boolean trainOnStart();
}
