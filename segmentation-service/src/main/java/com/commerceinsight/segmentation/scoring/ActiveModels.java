package com.commerceinsight.segmentation.scoring;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.segmentation.models.ModelDefinition;
import com.commerceinsight.segmentation.models.SegmentationModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The active model of the database, parsed once per version. Asked inside a transaction, it checks which model is
 * active (one small query; an event batch learns it with its activation lock instead), so every replica follows an
 * activation made by another.
 */
@ApplicationScoped
public class ActiveModels {

    private final ObjectMapper json;
    private final AtomicReference<ActiveModel> cached = new AtomicReference<>();

    public ActiveModels(ObjectMapper json) {
        this.json = json;
    }

    public Optional<ActiveModel> current() {
        return byId(SegmentationModel.getEntityManager()
                .createQuery("select m.id from SegmentationModel m where m.status = :status", Long.class)
                .setParameter("status", SegmentationModel.ACTIVE).getResultStream().findFirst().orElse(null));
    }

    /** The model with this id, which the caller read as the active one (none for null); parsed once per version. */
    public Optional<ActiveModel> byId(Long activeId) {
        if (activeId == null) {
            return Optional.empty();
        }
        ActiveModel model = cached.get();
        if (model == null || model.id() != activeId) {
            SegmentationModel row = SegmentationModel.findById(activeId);
            try {
                model = new ActiveModel(row.id, row.snapshotAt, json.readValue(row.definition, ModelDefinition.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("model " + activeId + " has an unreadable definition", e);
            }
            cached.set(model);
        }
        return Optional.of(model);
    }
}
