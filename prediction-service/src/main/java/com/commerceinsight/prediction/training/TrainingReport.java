package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;
import java.util.List;

import com.commerceinsight.prediction.lifetime.LifetimeVersion;

/**
 * What a training job produced: the snapshots' sizes, per algorithm the registered version and its evaluation, and the
 * buy-till-you-die models (BG/NBD and Gamma-Gamma) evaluated on the same snapshots.
 */
public record TrainingReport(LocalDateTime trainCutoff, LocalDateTime testCutoff, int horizonDays, int trainCustomers,
                             int trainPositives, int testCustomers, int testPositives, List<TrainedVersion> versions,
                             Long activatedVersionId, LifetimeVersion lifetime) {

    public record TrainedVersion(long modelVersionId, ModelEvaluation evaluation) {
    }
}
