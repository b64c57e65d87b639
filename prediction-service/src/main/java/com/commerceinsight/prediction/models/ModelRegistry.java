package com.commerceinsight.prediction.models;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.prediction.training.ModelEvaluator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Stores trained models and switches the active one; exactly one version is active once any is. */
@ApplicationScoped
public class ModelRegistry {

    private final ObjectMapper json;
    private final Event<ModelActivated> activations;

    public ModelRegistry(ObjectMapper json, Event<ModelActivated> activations) {
        this.json = json;
        this.activations = activations;
    }

    @Transactional
    public ModelVersion register(ModelEvaluator.TrainedModel trained, String trainingJobId) {
        ModelVersion version = new ModelVersion();
        var evaluation = trained.evaluation();
        version.algorithm = evaluation.algorithm().name();
        version.parameters = write(java.util.Map.of("rounds", evaluation.rounds(), "booster", evaluation.parameters()));
        version.features = write(evaluation.features());
        version.preprocessing = write(trained.preprocessor());
        version.threshold = evaluation.threshold();
        version.trainCutoff = evaluation.trainCutoff();
        version.testCutoff = evaluation.testCutoff();
        version.horizonDays = evaluation.horizonDays();
        version.cvRocAuc = finite(evaluation.crossValidation().rocAuc());
        version.testRocAuc = finite(evaluation.outOfTime().rocAuc());
        version.evaluation = write(evaluation);
        version.model = trained.modelJson();
        version.calibration = write(trained.calibrator());
        version.trainingJobId = trainingJobId;
        version.createdAt = LocalDateTime.now(ZoneOffset.UTC);
        version.persist();
        return version;
    }

    /**
     * Makes the version the one every replica serves: they pick it up on their next refresh, this replica as soon as
     * the change commits ({@link ModelActivated}).
     */
    @Transactional
    public ModelVersion activate(long id) {
        ModelVersion version = ModelVersion.<ModelVersion>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no model version " + id));
        ModelVersion.update("active = false where active = true and id <> ?1", id);
        version.active = true;
        activations.fire(new ModelActivated(id));
        return version;
    }

    @Transactional
    public List<ModelVersion> page(int page, int size) {
        return ModelVersion.findAll(Sort.descending("id")).page(Page.of(page, size)).list();
    }

    @Transactional
    public long count() {
        return ModelVersion.count();
    }

    @Transactional
    public Optional<ModelVersion> find(long id) {
        return ModelVersion.findByIdOptional(id);
    }

    /** The version's booster bytes (not loaded with the version itself). */
    @Transactional
    public byte[] booster(long id) {
        return ModelVersion.getEntityManager().createQuery("select model from ModelVersion where id = ?1", byte[].class)
                .setParameter(1, id).getSingleResult();
    }

    @Transactional
    public Optional<Long> activeId() {
        return ModelVersion.getEntityManager().createQuery("select id from ModelVersion where active = true", Long.class)
                .getResultStream().findFirst();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
