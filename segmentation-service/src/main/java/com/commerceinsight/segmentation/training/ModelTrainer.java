package com.commerceinsight.segmentation.training;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.segmentation.clustering.Clustering;
import com.commerceinsight.segmentation.clustering.KMeansSelection;
import com.commerceinsight.segmentation.clustering.Pca;
import com.commerceinsight.segmentation.clustering.Sampling;
import com.commerceinsight.segmentation.features.CommerceSnapshot;
import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.segments.SegmentNamer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Trains a segmentation model on the commerce snapshot at a time T: features of every customer with an order by T,
 * a scaler fit on them, k-means for every k of the range, names from the centroids; ModelWriter then gives the
 * segments their stable ids and activates the model.
 */
@ApplicationScoped
public class ModelTrainer {

    private final CommerceSnapshot snapshot;
    private final TrainingConfig config;
    private final ModelWriter writer;

    public ModelTrainer(CommerceSnapshot snapshot, TrainingConfig config, ModelWriter writer) {
        this.snapshot = snapshot;
        this.config = config;
        this.writer = writer;
    }

    /** @param requestedSnapshotAt null for the latest order time in the commerce tables */
    public TrainingReport train(LocalDateTime requestedSnapshotAt, TrainingProgress progress) {
        long start = System.nanoTime();
        progress.report("reading the commerce snapshot", 0.02);
        LocalDateTime at = requestedSnapshotAt != null ? requestedSnapshotAt
                : QuarkusTransaction.requiringNew().call(snapshot::latestOrderAt)
                        .orElseThrow(() -> new IllegalStateException("the commerce tables have no orders to segment"));
        List<PurchaseSummary> everyone = QuarkusTransaction.requiringNew().call(() -> snapshot.summaries(at));
        List<PurchaseSummary> customers = everyone.stream().filter(PurchaseSummary::segmentable).toList();
        List<Feature> features = featuresOf(customers);
        double[][] raw = new double[customers.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = customers.get(i).values(features, at);
        }
        FeatureScaler scaler = FeatureScaler.fit(features, raw, config.skewThreshold());
        double[][] points = scaler.standardizeAll(raw);
        Clustering clustering = KMeansSelection.select(points, config.clustering(), (done, total) -> progress.report(
                "k-means: " + done + " of " + total + " values of k tried", 0.05 + 0.8 * done / total));
        progress.report("naming, matching segment ids and saving", 0.88);
        List<String> names = SegmentNamer.names(clustering.centroids(), scaler);
        Pca pca = Pca.fit(sample(points));
        TrainedModel trained = new TrainedModel(at, everyone, customers, scaler, clustering, names, pca,
                (System.nanoTime() - start) / 1_000_000);
        return writer.activate(trained, config);
    }

    /** Session count only where the data has sessions: a feature that is 0 for everyone would carry nothing. */
    private static List<Feature> featuresOf(List<PurchaseSummary> customers) {
        List<Feature> features = new ArrayList<>(List.of(Feature.values()));
        if (customers.stream().allMatch(customer -> customer.sessions() == 0)) {
            features.remove(Feature.SESSIONS);
        }
        return features;
    }

    private double[][] sample(double[][] points) {
        int[] chosen = Sampling.indices(points.length, config.fitSampleSize(), new Random(config.seed()));
        double[][] sample = new double[chosen.length][];
        for (int i = 0; i < chosen.length; i++) {
            sample[i] = points[chosen[i]];
        }
        return sample;
    }

    /** A clustering ready to be stored: the clustering's labels index the customers. */
    record TrainedModel(LocalDateTime snapshotAt, List<PurchaseSummary> everyone, List<PurchaseSummary> customers,
            FeatureScaler scaler, Clustering clustering, List<String> names, Pca pca, long millis) {
    }
}
