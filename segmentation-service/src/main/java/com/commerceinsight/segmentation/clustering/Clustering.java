package com.commerceinsight.segmentation.clustering;

import java.util.List;

/**
 * The chosen clustering: its k, centroids (standardised space), each point's cluster, and the scores of every k tried;
 * {@code unconstrainedK} is the k of the highest silhouette over every k tried, business range or not.
 */
public record Clustering(int k, double[][] centroids, int[] labels, List<KScore> scores, boolean silhouetteSampled,
        int unconstrainedK) {
}
