package com.commerceinsight.segmentation.clustering;

/**
 * How k-means is run and k chosen.
 *
 * @param minK                 the smallest k tried
 * @param maxK                 the largest k tried (capped at the number of points)
 * @param businessMinK         the smallest k that may be chosen: a marketing team plans with a handful of segments,
 *                             however clearly the data prefers two
 * @param businessMaxK         the largest k that may be chosen
 * @param restarts             k-means++ runs per k; the one with the lowest within-cluster sum of squares is kept
 * @param maxIterations        Lloyd iterations per run
 * @param fitSampleSize        centroids are fit on a seeded sample of at most this many points (all when fewer);
 *                             every point is then assigned to its nearest centroid
 * @param silhouetteSampleSize silhouette (O(n²)) is computed on a seeded sample of at most this many points
 * @param seed                 seeds the samples and k-means++, so a run is reproducible
 */
public record ClusteringSettings(int minK, int maxK, int businessMinK, int businessMaxK, int restarts, int maxIterations,
        int fitSampleSize, int silhouetteSampleSize, long seed) {

    public ClusteringSettings {
        if (minK < 2 || maxK < minK) {
            throw new IllegalArgumentException("k range must satisfy 2 <= minK <= maxK, got " + minK + ".." + maxK);
        }
        if (businessMinK < minK || businessMaxK > maxK || businessMaxK < businessMinK) {
            throw new IllegalArgumentException("the business range " + businessMinK + ".." + businessMaxK
                    + " must lie within the k tried, " + minK + ".." + maxK);
        }
        if (restarts < 1 || maxIterations < 1 || fitSampleSize < 2 || silhouetteSampleSize < 2) {
            throw new IllegalArgumentException("restarts, iterations and sample sizes must be positive");
        }
    }

    /** Settings where any k tried may be chosen. */
    public ClusteringSettings(int minK, int maxK, int restarts, int maxIterations, int fitSampleSize, int silhouetteSampleSize,
            long seed) {
        this(minK, maxK, minK, maxK, restarts, maxIterations, fitSampleSize, silhouetteSampleSize, seed);
    }
}
