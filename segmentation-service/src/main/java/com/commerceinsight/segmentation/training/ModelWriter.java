package com.commerceinsight.segmentation.training;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.segmentation.clustering.Clustering;
import com.commerceinsight.segmentation.rfm.RfmQuintiles;
import com.commerceinsight.segmentation.features.CommerceSnapshot;
import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.models.ModelActivation;
import com.commerceinsight.segmentation.models.ModelDefinition;
import com.commerceinsight.segmentation.models.SegmentationModel;
import com.commerceinsight.segmentation.scoring.ActiveModel;
import com.commerceinsight.segmentation.scoring.CustomerSegment;
import com.commerceinsight.segmentation.segments.Segment;
import com.commerceinsight.segmentation.segments.SegmentIdMatcher;
import com.commerceinsight.segmentation.segments.SegmentProfile;
import com.commerceinsight.segmentation.segments.SegmentProfiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores a trained model and makes it the active one, in one transaction: segment ids matched to the previous
 * active model's, the previous model retired, the segments, and every customer's summary and segment replaced.
 */
@ApplicationScoped
public class ModelWriter {

    private static final String INSERT_CUSTOMER = "INSERT INTO segmentation.customer_segment (customer_id, model_id,"
            + " segment_id, distance, orders, spend, first_order_at, last_order_at, sessions, features_as_of, assessed_at,"
            + " rfm_recency, rfm_frequency_monetary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 1_000;

    private final AgroalDataSource dataSource;
    private final CommerceSnapshot snapshot;
    private final ObjectMapper json;

    public ModelWriter(AgroalDataSource dataSource, CommerceSnapshot snapshot, ObjectMapper json) {
        this.dataSource = dataSource;
        this.snapshot = snapshot;
        this.json = json;
    }

    TrainingReport activate(ModelTrainer.TrainedModel trained, TrainingConfig config) {
        // A long transaction on purpose: readers see the old model and assignments until the new ones are complete.
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> write(trained, config));
    }

    private TrainingReport write(ModelTrainer.TrainedModel trained, TrainingConfig config) throws Exception {
        Clustering clustering = trained.clustering();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        ModelActivation.lock(now); // before reading the active model: a concurrent activation has committed by then
        SegmentationModel previous = SegmentationModel.active();
        int[] segmentIds = segmentIds(clustering.centroids(), trained.scaler(), previous);
        int nextSegmentId = Math.max(previous == null ? 1 : previous.nextSegmentId, Arrays.stream(segmentIds).max().orElse(0) + 1);
        if (previous != null) {
            previous.status = SegmentationModel.RETIRED;
            // Written before the new model's insert: Hibernate flushes inserts before updates, and the database allows
            // one ACTIVE model at a time.
            SegmentationModel.flush();
        }
        List<SegmentProfile> profiles = SegmentProfiles.of(trained.customers(), clustering.labels(), trained.snapshotAt(),
                clustering.centroids(), segmentIds, trained.names(), trained.scaler());

        SegmentationModel model = new SegmentationModel();
        model.status = SegmentationModel.ACTIVE;
        model.trainedAt = now;
        model.snapshotAt = trained.snapshotAt();
        model.k = clustering.k();
        model.customers = trained.customers().size();
        model.silhouette = clustering.scores().stream().filter(s -> s.k() == clustering.k()).findFirst().orElseThrow().silhouette();
        model.nextSegmentId = nextSegmentId;
        RfmQuintiles rfm = RfmQuintiles.fit(trained.customers(), trained.snapshotAt());
        ModelDefinition definition = new ModelDefinition(trained.scaler(), clustering.centroids(), segmentIds, trained.names(),
                trained.pca(), rfm);
        model.definition = json.writeValueAsString(definition);
        model.report = "{}";
        model.persist();
        model.flush();
        ModelActivation.name(model.id);
        TrainingReport report = new TrainingReport(model.id, trained.snapshotAt(), trained.customers().size(),
                trained.everyone().size() - trained.customers().size(), trained.scaler().features(),
                trained.scaler().features().stream().filter(f -> trained.scaler().logged()[trained.scaler().indexOf(f)]).toList(),
                clustering.k(), clustering.unconstrainedK(), config.businessMinK(), config.businessMaxK(), clustering.scores(),
                clustering.silhouetteSampled(), config.silhouetteSampleSize(),
                config.fitSampleSize(), profiles, trained.pca().explainedVariance(), trained.millis());
        model.report = json.writeValueAsString(report);
        profiles.forEach(profile -> Segment.of(model.id, profile).persist());
        SegmentationModel.flush();
        replaceCustomers(new ActiveModel(model.id, model.snapshotAt, definition));
        return report;
    }

    /** The previous model's centroids, mapped to raw units and into the new scaler's space, then matched. */
    private int[] segmentIds(double[][] centroids, FeatureScaler scaler, SegmentationModel previous) throws JsonProcessingException {
        if (previous == null) {
            return SegmentIdMatcher.match(centroids, new double[0][], new int[0], 1);
        }
        ModelDefinition old = json.readValue(previous.definition, ModelDefinition.class);
        double[][] oldInNewSpace = new double[old.centroids().length][];
        for (int c = 0; c < oldInNewSpace.length; c++) {
            oldInNewSpace[c] = scaler.standardize(aligned(old.scaler().toRaw(old.centroids()[c]), old.scaler(), scaler));
        }
        return SegmentIdMatcher.match(centroids, oldInNewSpace, old.segmentIds(), previous.nextSegmentId);
    }

    /** Raw values reordered to the new model's features; a feature the old model lacked is taken at the new mean. */
    private static double[] aligned(double[] oldRaw, FeatureScaler oldScaler, FeatureScaler newScaler) {
        Map<Feature, Double> byFeature = new HashMap<>();
        for (int j = 0; j < oldRaw.length; j++) {
            byFeature.put(oldScaler.features().get(j), oldRaw[j]);
        }
        double[] raw = newScaler.toRaw(new double[newScaler.features().size()]);
        for (int j = 0; j < raw.length; j++) {
            raw[j] = byFeature.getOrDefault(newScaler.features().get(j), raw[j]);
        }
        return raw;
    }

    /**
     * Bulk replace with JDBC batches (one ORM insert per customer would dominate a retrain of a large shop). The summaries
     * are read here, under the activation lock that event batches take too, not taken from the training's snapshot: a
     * batch applied while the model trained read its customers after the snapshot, and the rows must not go back to
     * it. Every event applied before this read is in it (an order is committed before its event is published), and every
     * later one reads its customers again. The reference time is the snapshot's, or a later one an event gave the row.
     */
    private void replaceCustomers(ActiveModel model) throws SQLException {
        LocalDateTime readAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<PurchaseSummary> current = snapshot.current();
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, LocalDateTime> assessedLater = assessedAfter(connection, model.snapshotAt());
            try (Statement delete = connection.createStatement();
                    PreparedStatement insert = connection.prepareStatement(INSERT_CUSTOMER)) {
                delete.executeUpdate("DELETE FROM segmentation.customer_segment");
                int pending = 0;
                for (PurchaseSummary read : current) {
                    BigDecimal spend = CustomerSegment.storedSpend(read.spend());
                    // Assessed on the summary as stored (spend to the cent), as the map and the events assess the row.
                    PurchaseSummary customer = CustomerSegment.stored(read.customerId(), read.orders(), spend,
                            read.firstOrderAt(), read.lastOrderAt(), read.sessions());
                    ActiveModel.Assessment assessment = model.assess(customer,
                            assessedLater.getOrDefault(customer.customerId(), model.snapshotAt()));
                    insert.setLong(1, customer.customerId());
                    insert.setLong(2, assessment.modelId());
                    insert.setObject(3, assessment.segmentId(), Types.INTEGER);
                    insert.setObject(4, assessment.distance(), Types.DOUBLE);
                    insert.setInt(5, customer.orders());
                    insert.setBigDecimal(6, spend);
                    insert.setObject(7, customer.firstOrderAt());
                    insert.setObject(8, customer.lastOrderAt());
                    insert.setInt(9, customer.sessions());
                    insert.setObject(10, readAt);
                    insert.setObject(11, assessment.at());
                    insert.setObject(12, assessment.rfmRecency(), Types.INTEGER);
                    insert.setObject(13, assessment.rfmFrequencyMonetary(), Types.INTEGER);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** Customers whose row an event assessed after the snapshot time, and when: a reference time never goes back. */
    private static Map<Long, LocalDateTime> assessedAfter(Connection connection, LocalDateTime snapshotAt) throws SQLException {
        Map<Long, LocalDateTime> later = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT customer_id, assessed_at FROM segmentation.customer_segment WHERE assessed_at > ?")) {
            select.setObject(1, snapshotAt);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    later.put(rows.getLong(1), rows.getObject(2, LocalDateTime.class));
                }
            }
        }
        return later;
    }
}
