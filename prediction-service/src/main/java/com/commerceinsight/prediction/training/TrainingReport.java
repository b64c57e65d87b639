package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;
import java.util.List;

/** What a training job produced: the snapshots' sizes and, per algorithm, the registered version and its evaluation. */
public record TrainingReport(LocalDateTime trainCutoff, LocalDateTime testCutoff, int horizonDays, int trainCustomers,
                             int trainPositives, int testCustomers, int testPositives, List<TrainedVersion> versions,
                             Long activatedVersionId) {

    public record TrainedVersion(long modelVersionId, ModelEvaluation evaluation) {
    }
}
