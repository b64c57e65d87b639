package com.commerceinsight.prediction.training;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /**
     * How long a run's hold on the training lease lasts without renewal; the run renews it every third of this while
     * it trains, and another run may take it once it has expired (the holder died).
     */
    @WithDefault("60s")
    Duration leaseDuration();
}
