package com.commerceinsight.segmentation.models;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.apikit.input.NumericIds;
import com.commerceinsight.apikit.models.ModelVersions;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.segmentation.scoring.ActiveModel;
import com.commerceinsight.segmentation.scoring.CustomerSegment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/**
 * The trained segmentation versions: list, inspect, and make one the active version. Activating an earlier version
 * reassigns every customer with it, from the purchase summaries kept now (they hold the order events since any
 * snapshot), in the same transaction, so readers see one version's segments or the other's, never a mix.
 */
@ApplicationScoped
public class ModelRegistry implements ModelVersions<ModelVersionView> {

    private final ObjectMapper json;

    public ModelRegistry(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional
    public Page<ModelVersionView> list(int page, int size) {
        var query = SegmentationModel.findAll(Sort.descending("id")).page(page, size);
        return new Page<>(query.<SegmentationModel>list().stream().map(m -> view(m, false)).toList(), page, size, query.count());
    }

    @Override
    @Transactional
    public ModelVersionView find(String id) {
        return view(require(versionId(id)), true);
    }

    @Override
    @Transactional
    public ModelVersionView active() {
        SegmentationModel active = SegmentationModel.active();
        if (active == null) {
            throw new NotFoundException("no segmentation model has been trained yet");
        }
        return view(active, true);
    }

    /** Makes the version the active one (the others retired) and reassigns every customer with it. */
    @Override
    @Transactional
    public ModelVersionView activate(String id) {
        ModelActivation.lock(LocalDateTime.now(ZoneOffset.UTC)); // serialises with trainings' activations
        SegmentationModel target = require(versionId(id));
        if (!SegmentationModel.ACTIVE.equals(target.status)) {
            SegmentationModel.update("status = ?1 where status = ?2", SegmentationModel.RETIRED, SegmentationModel.ACTIVE);
            target.status = SegmentationModel.ACTIVE;
            reassignEveryone(target);
        }
        ModelActivation.name(target.id);
        return view(target, false);
    }

    private static long versionId(String id) {
        return NumericIds.parse(id, "model version");
    }

    private void reassignEveryone(SegmentationModel target) {
        ActiveModel model;
        try {
            model = new ActiveModel(target.id, target.snapshotAt, json.readValue(target.definition, ModelDefinition.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model " + target.id + " has an unreadable definition", e);
        }
        List<CustomerSegment> customers = CustomerSegment.listAll();
        for (CustomerSegment customer : customers) {
            customer.hold(model.assess(customer.summary(), customer.assessedAt != null ? customer.assessedAt : customer.featuresAsOf));
        }
    }

    private static SegmentationModel require(long id) {
        SegmentationModel model = SegmentationModel.findById(id);
        if (model == null) {
            throw new NotFoundException("no segmentation model version " + id);
        }
        return model;
    }

    private ModelVersionView view(SegmentationModel m, boolean withReport) {
        try {
            return new ModelVersionView(m.id, SegmentationModel.ACTIVE.equals(m.status), m.trainedAt, m.snapshotAt, m.k, m.customers,
                    m.silhouette, withReport ? json.readTree(m.report) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model " + m.id + " holds an unreadable report", e);
        }
    }
}
