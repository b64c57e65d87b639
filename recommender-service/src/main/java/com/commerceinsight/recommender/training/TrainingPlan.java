package com.commerceinsight.recommender.training;

import java.time.Instant;

import com.commerceinsight.recommender.signals.SignalWeights;

/**
 * What a training run does.
 *
 * @param cutoff         T: evaluation models learn from signals before it; null = the last purchase minus the horizon
 * @param horizonDays    H: the test window is (T, T + H]
 * @param validationDays V: hyperparameters are chosen training before T − V and validating on (T − V, T]
 * @param k              list length of the metrics
 * @param grid           hyperparameter values tried
 * @param cgSteps        conjugate-gradient steps per vector and sweep
 * @param seed           seed of the initial vectors
 * @param neighbours     neighbours kept per product by item-item
 * @param weights        signal weights
 */
public record TrainingPlan(Instant cutoff, int horizonDays, int validationDays, int k, SearchGrid grid, int cgSteps, long seed,
        int neighbours, SignalWeights weights) {
}
