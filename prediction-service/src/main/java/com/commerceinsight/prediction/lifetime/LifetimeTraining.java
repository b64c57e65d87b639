package com.commerceinsight.prediction.lifetime;

import java.time.LocalDateTime;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.prediction.features.CustomerHistory;

/** The lifetime part of a training run: fit and evaluate on the run's histories, store, and activate when asked. */
@ApplicationScoped
public class LifetimeTraining {

    private final LifetimeModels models;

    public LifetimeTraining(LifetimeModels models) {
        this.models = models;
    }

    public LifetimeVersion fitAndRegister(Collection<CustomerHistory> histories, LocalDateTime testCutoff, int horizonDays,
                                          String trainingJobId, boolean activate) {
        LifetimeEvaluation evaluation = LifetimeEvaluator.evaluate(histories, testCutoff, horizonDays);
        long id = models.register(evaluation, trainingJobId).id;
        if (activate) {
            models.activate(id);
        }
        return new LifetimeVersion(id, activate, evaluation);
    }
}
