package com.commerceinsight.segmentation.segments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.segmentation.clustering.Centroids;
import com.commerceinsight.segmentation.clustering.Sampling;
import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.segmentation.scoring.ActiveModel;
import com.commerceinsight.segmentation.scoring.ActiveModels;
import com.commerceinsight.segmentation.scoring.AssessedCustomer;
import com.commerceinsight.segmentation.scoring.CustomerSegment;
import com.commerceinsight.segmentation.segments.SegmentViews.CentroidDistance;
import com.commerceinsight.segmentation.segments.SegmentViews.CustomerSegmentView;
import com.commerceinsight.segmentation.segments.SegmentViews.ModelSegments;
import com.commerceinsight.segmentation.segments.SegmentViews.ProjectedCustomer;
import com.commerceinsight.segmentation.segments.SegmentViews.Projection;
import com.commerceinsight.segmentation.segments.SegmentViews.SegmentView;
import com.commerceinsight.segmentation.models.SegmentationModel;
import com.commerceinsight.segmentation.training.TrainingReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/** Reads the active model's segments and customers for the API. */
@ApplicationScoped
@Transactional
public class SegmentQueries {

    private static final long PROJECTION_SEED = 17;

    private final ActiveModels models;
    private final ObjectMapper json;

    public SegmentQueries(ActiveModels models, ObjectMapper json) {
        this.models = models;
        this.json = json;
    }

    public ModelSegments segments() throws JsonProcessingException {
        ActiveModel model = active();
        SegmentationModel row = SegmentationModel.findById(model.id());
        TrainingReport report = json.readValue(row.report, TrainingReport.class);
        Map<Integer, Long> current = new HashMap<>();
        CustomerSegment.getEntityManager().createQuery("select c.segmentId, count(c) from CustomerSegment c"
                + " where c.segmentId is not null group by c.segmentId", Object[].class).getResultList()
                .forEach(pair -> current.put(((Number) pair[0]).intValue(), ((Number) pair[1]).longValue()));
        List<SegmentView> segments = report.segments().stream()
                .sorted(Comparator.comparingInt(SegmentProfile::segmentId))
                .map(profile -> new SegmentView(current.getOrDefault(profile.segmentId(), 0L), profile)).toList();
        return new ModelSegments(row.id, row.trainedAt, row.snapshotAt, row.k, row.silhouette, segments);
    }

    /**
     * Described with the model that assessed the row, which is the active one (an activation rewrites every row in its
     * own transaction) and is held in memory: one query, where asking for the active model's id first took two, and
     * could meet an activation committed in between.
     */
    public CustomerSegmentView customer(long customerId) {
        CustomerSegment row = CustomerSegment.findById(customerId);
        ActiveModel model = row != null && row.modelId != null ? models.byId(row.modelId).orElseThrow() : active();
        if (row == null) {
            throw new NotFoundException("customer " + customerId + " has no orders or sessions known to segmentation");
        }
        return view(row, model);
    }

    public Page<CustomerSegmentView> customersOf(int segmentId, int page, int size) {
        ActiveModel model = active();
        if (model.definition().indexOf(segmentId) < 0) {
            throw new NotFoundException("the active model has no segment " + segmentId);
        }
        var query = CustomerSegment.<CustomerSegment>find("segmentId", Sort.ascending("customerId"), segmentId).page(page, size);
        return new Page<>(query.list().stream().map(row -> view(row, model)).toList(), page, size, query.count());
    }

    public Projection projection(int sampleSize) {
        ActiveModel model = active();
        List<Long> ids = CustomerSegment.getEntityManager().createQuery("select c.customerId from CustomerSegment c"
                + " where c.segmentId is not null order by c.customerId", Long.class).getResultList();
        int[] chosen = Sampling.indices(ids.size(), sampleSize, new Random(PROJECTION_SEED));
        List<Long> sample = new ArrayList<>(chosen.length);
        for (int index : chosen) {
            sample.add(ids.get(index));
        }
        List<ProjectedCustomer> points = new ArrayList<>(sample.size());
        for (int from = 0; from < sample.size(); from += 1_000) {
            List<Long> chunk = sample.subList(from, Math.min(sample.size(), from + 1_000));
            for (AssessedCustomer row : AssessedCustomer.of(CustomerSegment.getEntityManager(), chunk)) {
                double[] xy = model.definition().pca().project(model.standardize(row.summary(), row.assessedAt()));
                points.add(new ProjectedCustomer(row.customerId(), row.segmentId(), xy[0], xy.length > 1 ? xy[1] : 0));
            }
        }
        return new Projection(model.id(), model.definition().pca().explainedVariance(), points);
    }

    private static CustomerSegmentView view(CustomerSegment row, ActiveModel model) {
        if (row.segmentId == null || row.assessedAt == null) {
            return new CustomerSegmentView(row.customerId, null, null, null, row.assessedAt, Map.of(), List.of(), null);
        }
        FeatureScaler scaler = model.definition().scaler();
        double[] raw = row.summary().values(scaler.features(), row.assessedAt);
        Map<Feature, Double> features = new EnumMap<>(Feature.class);
        for (int j = 0; j < raw.length; j++) {
            features.put(scaler.features().get(j), raw[j]);
        }
        double[] distances = Centroids.distances(scaler.standardize(raw), model.definition().centroids());
        List<CentroidDistance> byDistance = new ArrayList<>();
        for (int c = 0; c < distances.length; c++) {
            byDistance.add(new CentroidDistance(model.definition().segmentIds()[c], model.definition().names().get(c), distances[c]));
        }
        byDistance.sort(Comparator.comparingDouble(CentroidDistance::distance));
        int index = model.definition().indexOf(row.segmentId);
        return new CustomerSegmentView(row.customerId, row.segmentId, index < 0 ? null : model.definition().names().get(index),
                row.distance, row.assessedAt, features, byDistance,
                model.definition().rfm() == null ? null : model.definition().rfm().score(row.summary(), row.assessedAt));
    }

    private ActiveModel active() {
        return models.current().orElseThrow(() -> new NotFoundException("no segmentation model has been trained yet"));
    }
}
