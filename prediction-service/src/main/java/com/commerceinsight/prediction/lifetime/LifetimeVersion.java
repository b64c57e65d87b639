package com.commerceinsight.prediction.lifetime;

/** What a training job reports of the lifetime models: the stored version, whether it was activated, its evaluation. */
public record LifetimeVersion(long lifetimeModelId, boolean activated, LifetimeEvaluation evaluation) {
}
