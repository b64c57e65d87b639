package com.commerceinsight.prediction.lifetime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stores fitted lifetime models and switches the active one, as the model registry does for the classifiers. */
@ApplicationScoped
public class LifetimeModels {

    private final ObjectMapper json;

    public LifetimeModels(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public LifetimeModel register(LifetimeEvaluation evaluation, String trainingJobId) {
        LifetimeModel model = new LifetimeModel();
        model.bgNbdR = evaluation.bgNbd().r();
        model.bgNbdAlpha = evaluation.bgNbd().alpha();
        model.bgNbdA = evaluation.bgNbd().a();
        model.bgNbdB = evaluation.bgNbd().b();
        if (evaluation.gammaGamma() != null) {
            model.gammaGammaP = evaluation.gammaGamma().p();
            model.gammaGammaQ = evaluation.gammaGamma().q();
            model.gammaGammaV = evaluation.gammaGamma().v();
        }
        model.trainCutoff = evaluation.trainCutoff();
        model.testCutoff = evaluation.testCutoff();
        model.horizonDays = evaluation.horizonDays();
        double auc = evaluation.outOfTime().classification().rocAuc();
        model.testRocAuc = Double.isFinite(auc) ? auc : null;
        try {
            model.evaluation = json.writeValueAsString(evaluation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the lifetime evaluation", e);
        }
        model.trainingJobId = trainingJobId;
        model.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        model.persist();
        return model;
    }

    /** Retires the active one first: the database refuses two active rows. */
    @Transactional
    public void activate(long id) {
        LifetimeModel.update("active = false where active = true and id <> ?1", id);
        LifetimeModel.update("active = true where id = ?1", id);
    }

    /** Read on every request: one indexed row, so a new activation is served at once on every replica. */
    @Transactional
    public Optional<LifetimeModel> active() {
        return LifetimeModel.find("active = true").firstResultOptional();
    }
}
