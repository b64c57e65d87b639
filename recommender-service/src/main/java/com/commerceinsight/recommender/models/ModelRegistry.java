package com.commerceinsight.recommender.models;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.apikit.models.ModelVersions;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.recommender.foldin.PurchaseFoldIn;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.training.TrainedModels;
import com.commerceinsight.recommender.training.TrainingReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/** Stores model versions, lists and shows them, and activates one (then every replica serves it). */
@ApplicationScoped
public class ModelRegistry implements ModelVersions<ModelVersionView> {

    static final String ALGORITHM = "implicit-als+item-item-cosine+popularity";

    private final ObjectMapper json;
    private final ActiveModel active;
    private final PurchaseFoldIn foldIn;

    public ModelRegistry(ObjectMapper json, ActiveModel active, PurchaseFoldIn foldIn) {
        this.json = json;
        this.active = active;
        this.foldIn = foldIn;
    }

    public String save(TrainedModels models, TrainingReport report) {
        String id = UUID.randomUUID().toString();
        byte[] bytes = ModelCodec.encode(models);
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion version = new ModelVersion();
            version.id = id;
            version.algorithm = ALGORITHM;
            version.paramsJson = write(models.params());
            version.reportJson = write(report);
            version.cutoff = utc(report.cutoff());
            version.trainedUntil = utc(report.trainedUntil());
            version.customers = report.customers();
            version.products = report.products();
            version.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            version.modelBytes = bytes;
            version.persist();
        });
        return id;
    }

    /**
     * Makes the version the only active one, with the purchases made since its training data ended folded in (those
     * made while it trained among them), and serves it on this replica at once (the others within the refresh interval,
     * or at their next event batch). The version is decoded before the activation row is locked: event batches wait
     * for the fold-in only.
     */
    @Override
    public ModelVersionView activate(String id) {
        ServingModel model = active.load(id);
        QuarkusTransaction.requiringNew().run(() -> {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            ModelActivation.activate(id, now);
            ModelVersion.update("active = false where active = true and id <> ?1", id);
            ModelVersion.update("active = true, activatedAt = ?1 where id = ?2", now, id);
            try {
                foldIn.foldInEveryone(model);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot fold the purchases since its training into model version " + id, e);
            }
        });
        active.serve(model);
        return find(id);
    }

    public boolean hasActive() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.count("active", true) > 0);
    }

    /** The version every replica serves (404 while none is active). */
    @Override
    public ModelVersionView active() {
        return QuarkusTransaction.requiringNew().call(() -> ModelVersion.<ModelVersion>find("active", true).firstResultOptional()
                .map(v -> view(v, true)).orElseThrow(() -> new NotFoundException("no model version is active")));
    }

    @Override
    public ModelVersionView find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> view(requireVersion(id), true));
    }

    @Override
    public Page<ModelVersionView> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = ModelVersion.findAll(Sort.descending("createdAt")).page(page, size);
            return new Page<>(query.<ModelVersion>list().stream().map(v -> view(v, false)).toList(), page, size, query.count());
        });
    }

    private static ModelVersion requireVersion(String id) {
        ModelVersion version = ModelVersion.findById(id);
        if (version == null) {
            throw new NotFoundException("no model version " + id);
        }
        return version;
    }

    private ModelVersionView view(ModelVersion v, boolean withReport) {
        try {
            return new ModelVersionView(v.id, v.algorithm, json.readValue(v.paramsJson, AlsParams.class), v.cutoff, v.trainedUntil,
                    v.customers, v.products, v.createdAt, v.active, v.activatedAt,
                    withReport ? json.readValue(v.reportJson, TrainingReport.class) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of model version " + v.id + " is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
