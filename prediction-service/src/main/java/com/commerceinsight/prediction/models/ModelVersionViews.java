package com.commerceinsight.prediction.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.apikit.input.NumericIds;
import com.commerceinsight.apikit.models.ModelVersions;
import com.commerceinsight.apikit.paging.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registry as the API reads it: versions as {@link ModelView}s, a list with headline figures only, one version
 * with its parameters, features and full evaluation.
 */
@ApplicationScoped
public class ModelVersionViews implements ModelVersions<ModelView> {

    private final ModelRegistry registry;
    private final ObjectMapper json;

    public ModelVersionViews(ModelRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public Page<ModelView> list(int page, int size) {
        return new Page<>(registry.page(page, size).stream().map(v -> view(v, false)).toList(), page, size, registry.count());
    }

    @Override
    public ModelView active() {
        return registry.activeId().flatMap(registry::find).map(v -> view(v, true))
                .orElseThrow(() -> new NotFoundException("no model version is active"));
    }

    @Override
    public ModelView find(String id) {
        return registry.find(versionId(id)).map(v -> view(v, true)).orElseThrow(() -> new NotFoundException("no model version " + id));
    }

    @Override
    public ModelView activate(String id) {
        return view(registry.activate(versionId(id)), false);
    }

    private static long versionId(String id) {
        return NumericIds.parse(id, "model version");
    }

    private ModelView view(ModelVersion v, boolean details) {
        try {
            return new ModelView(v.id, v.algorithm, v.active, v.threshold, v.trainCutoff, v.testCutoff, v.horizonDays, v.cvRocAuc,
                    v.testRocAuc, v.createdAt, v.trainingJobId, details ? json.readTree(v.parameters) : null,
                    details ? json.readTree(v.features) : null, details ? json.readTree(v.evaluation) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model version " + v.id + " holds unreadable JSON", e);
        }
    }
}
