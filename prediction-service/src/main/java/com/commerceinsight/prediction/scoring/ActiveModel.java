package com.commerceinsight.prediction.scoring;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.commerceinsight.prediction.calibration.Calibrator;
import com.commerceinsight.prediction.models.ModelActivated;
import com.commerceinsight.prediction.models.ModelRegistry;
import com.commerceinsight.prediction.models.ModelVersion;
import com.commerceinsight.prediction.training.FeaturePreprocessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * The model version this replica serves: the registry's active one. Every replica polls the active id on a
 * schedule and loads a new version when it changes, so an activation reaches all replicas within one interval.
 * A replaced model is closed one refresh later, after requests still using it have finished.
 */
@ApplicationScoped
public class ActiveModel {

    private static final Logger LOG = Logger.getLogger(ActiveModel.class);
    private static final long NO_MODEL_RECHECK_NANOS = 1_000_000_000L;

    private final ModelRegistry registry;
    private final ServingConfig config;
    private final ObjectMapper json;
    private volatile ServingModel current;
    private ServingModel retired;
    /** While no version is active: when current() may ask the registry again (System.nanoTime()). */
    private volatile long nextLookupWhileNone;

    public ActiveModel(ModelRegistry registry, ServingConfig config, ObjectMapper json) {
        this.registry = registry;
        this.config = config;
        this.json = json;
        this.nextLookupWhileNone = System.nanoTime();
    }

    /**
     * The served version. Before any is active, a call asks the registry at most once per second (the consumers call
     * this for every batch of events, and a query per batch was a seventh of their CPU); an activation on this
     * replica is seen at once ({@link #activated}), one on another within a second (within the refresh interval
     * once a version is served, as before).
     */
    public Optional<ServingModel> current() {
        if (current == null && System.nanoTime() - nextLookupWhileNone >= 0) {
            refresh();
            if (current == null) {
                nextLookupWhileNone = System.nanoTime() + NO_MODEL_RECHECK_NANOS;
            }
        }
        return Optional.ofNullable(current);
    }

    /** After an activation on this replica commits, the next current() asks the registry, as it did before any wait. */
    void activated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModelActivated activation) {
        nextLookupWhileNone = System.nanoTime();
    }

    @Scheduled(every = "${prediction.serving.refresh-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        if (retired != null) {
            retired.close();
            retired = null;
        }
        Optional<Long> activeId = registry.activeId();
        ServingModel serving = current;
        if (activeId.isEmpty() || serving != null && serving.versionId() == activeId.get()) {
            return;
        }
        try {
            ModelVersion version = registry.find(activeId.get()).orElseThrow();
            ServingModel loaded = new ServingModel(version.id, version.threshold,
                    json.readValue(version.preprocessing, FeaturePreprocessor.class),
                    json.readValue(version.features, new TypeReference<List<String>>() { }), registry.booster(version.id),
                    version.calibration == null ? null : json.readValue(version.calibration, Calibrator.class), config.predictors());
            retired = serving;
            current = loaded;
            LOG.infof("serving model version %d (%s)", version.id, version.algorithm);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "cannot load model version %d; still serving %s", activeId.get(),
                    serving == null ? "none" : Long.toString(serving.versionId()));
        }
    }

    @PreDestroy
    synchronized void close() {
        if (current != null) {
            current.close();
        }
        if (retired != null) {
            retired.close();
        }
    }
}
