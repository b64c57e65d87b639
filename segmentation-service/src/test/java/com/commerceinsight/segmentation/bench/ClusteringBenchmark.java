package com.commerceinsight.segmentation.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.commerceinsight.segmentation.clustering.Clustering;
import com.commerceinsight.segmentation.clustering.ClusteringSettings;
import com.commerceinsight.segmentation.clustering.KMeansSelection;
import com.commerceinsight.segmentation.clustering.KScore;
import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.segmentation.features.PurchaseSummary;

/**
 * Times the clustering step of a training run (scaler fit, k-means for every k of 2..10, silhouette, Davies–Bouldin,
 * inertia, final assignment) on synthetic customers, for each customer count given. Reading the snapshot from the
 * database is not included. Prints figures; asserts nothing. Run by deploy/bench/segmentation-clustering.sh.
 *
 * Arguments: customer counts (default 100000 1000000); -Dfit.sample=N and -Dsilhouette.sample=N override the
 * training defaults (50,000 and 3,000).
 */
public final class ClusteringBenchmark {

    private static final LocalDateTime SNAPSHOT = LocalDateTime.of(2025, 1, 1, 0, 0);
    /** Typical recency, orders, basket, tenure (days, count, money, days) of six synthetic behaviours. */
    private static final double[][] BEHAVIOURS = { { 5, 30, 120, 700 }, { 10, 1, 30, 10 }, { 200, 8, 60, 600 },
            { 500, 1, 25, 520 }, { 40, 4, 80, 300 }, { 120, 2, 200, 400 } };

    private ClusteringBenchmark() {
    }

    public static void main(String[] args) {
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg.replace("_", "")));
        }
        if (counts.isEmpty()) {
            counts = List.of(100_000, 1_000_000);
        }
        ClusteringSettings settings = new ClusteringSettings(2, 10, 5, 100, Integer.getInteger("fit.sample", 50_000),
                Integer.getInteger("silhouette.sample", 3_000), 42);
        System.out.printf(Locale.ROOT, "k 2..10, %d restarts, fit sample %,d, silhouette sample %,d, %d cores%n",
                settings.restarts(), settings.fitSampleSize(), settings.silhouetteSampleSize(),
                Runtime.getRuntime().availableProcessors());
        for (int n : counts) {
            double[][] raw = customers(n, new Random(n));
            List<Feature> features = List.of(Feature.values());
            long start = System.nanoTime();
            FeatureScaler scaler = FeatureScaler.fit(features, raw, 1.0);
            double[][] points = scaler.standardizeAll(raw);
            Clustering clustering = KMeansSelection.select(points, settings, (done, total) -> { });
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "%,d customers: %.1f s for all k (chosen k = %d)%n", n, millis / 1000.0, clustering.k());
            for (KScore score : clustering.scores()) {
                System.out.printf(Locale.ROOT, "  k=%2d  fit+assign %6d ms  silhouette %.3f  Davies-Bouldin %.3f  inertia %.0f%n",
                        score.k(), score.fitMillis(), score.silhouette(), score.daviesBouldin(), score.inertia());
            }
        }
    }

    private static double[][] customers(int n, Random random) {
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] typical = BEHAVIOURS[random.nextInt(BEHAVIOURS.length)];
            int orders = (int) Math.max(1, Math.round(typical[1] * noise(random)));
            double tenure = typical[3] * noise(random);
            double recency = Math.min(tenure, typical[0] * noise(random));
            PurchaseSummary customer = new PurchaseSummary(i, orders, orders * typical[2] * noise(random),
                    SNAPSHOT.minusMinutes(Math.round(tenure * 1440)), SNAPSHOT.minusMinutes(Math.round(recency * 1440)),
                    orders + random.nextInt(3 * orders + 1));
            raw[i] = customer.values(List.of(Feature.values()), SNAPSHOT);
        }
        return raw;
    }

    private static double noise(Random random) {
        return Math.exp(0.3 * random.nextGaussian());
    }
}
