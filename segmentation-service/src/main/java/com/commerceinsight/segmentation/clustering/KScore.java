package com.commerceinsight.segmentation.clustering;

/**
 * The quality of the clustering found for one k.
 *
 * @param silhouette    mean silhouette in [-1, 1] (higher: tighter, better separated clusters); on a sample when n is large
 * @param daviesBouldin Davies–Bouldin index (≥ 0, lower is better), over all points
 * @param inertia       within-cluster sum of squared standardised distances, over all points
 * @param fitMillis     time to fit the centroids (all restarts) and assign every point
 */
public record KScore(int k, double silhouette, double daviesBouldin, double inertia, long fitMillis) {
}
