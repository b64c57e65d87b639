package com.commerceinsight.segmentation.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Runs k-means (commons-math's k-means++ with restarts) for every k of the range and keeps the k {@link KChoice}
 * picks inside the business range. Deterministic for a given seed and point order.
 */
public final class KMeansSelection {

    /** Told after each k, for a job's progress. */
    public interface Progress {
        void kDone(int done, int total);
    }

    private KMeansSelection() {
    }

    public static Clustering select(double[][] points, ClusteringSettings settings, Progress progress) {
        int maxK = Math.min(settings.maxK(), points.length - 1);
        if (maxK < settings.minK()) {
            throw new IllegalArgumentException("too few customers (" + points.length + ") for k = " + settings.minK());
        }
        List<DoublePoint> fitPoints = fitSample(points, settings);
        List<KScore> scores = new ArrayList<>();
        Map<Integer, double[][]> centroidsByK = new HashMap<>();
        Map<Integer, int[]> labelsByK = new HashMap<>();
        int total = maxK - settings.minK() + 1;
        for (int k = settings.minK(); k <= maxK; k++) {
            long start = System.nanoTime();
            double[][] centroids = fit(fitPoints, k, settings);
            int[] labels = Centroids.assign(points, centroids);
            long fitMillis = (System.nanoTime() - start) / 1_000_000;
            double silhouette = ClusterQuality.sampledSilhouette(points, labels, k, settings.silhouetteSampleSize(),
                    settings.seed());
            scores.add(new KScore(k, silhouette, ClusterQuality.daviesBouldin(points, labels, centroids),
                    ClusterQuality.inertia(points, labels, centroids), fitMillis));
            centroidsByK.put(k, centroids);
            labelsByK.put(k, labels);
            progress.kDone(k - settings.minK() + 1, total);
        }
        int chosen = KChoice.choose(scores, settings.businessMinK(), settings.businessMaxK());
        return new Clustering(chosen, centroidsByK.get(chosen), labelsByK.get(chosen), scores,
                points.length > settings.silhouetteSampleSize(), KChoice.bestSilhouette(scores));
    }

    private static double[][] fit(List<DoublePoint> fitPoints, int k, ClusteringSettings settings) {
        KMeansPlusPlusClusterer<DoublePoint> kMeans = new KMeansPlusPlusClusterer<>(k, settings.maxIterations(),
                new EuclideanDistance(), new Well19937c(settings.seed() * 31 + k));
        List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(kMeans, settings.restarts(), new WithinClusterSquares())
                .cluster(fitPoints);
        double[][] centroids = new double[clusters.size()][];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = clusters.get(c).getCenter().getPoint().clone();
        }
        return centroids;
    }

    private static List<DoublePoint> fitSample(double[][] points, ClusteringSettings settings) {
        int[] chosen = Sampling.indices(points.length, settings.fitSampleSize(), new Random(settings.seed()));
        List<DoublePoint> sample = new ArrayList<>(chosen.length);
        for (int index : chosen) {
            sample.add(new DoublePoint(points[index]));
        }
        return sample;
    }
}
