package com.commerceinsight.segmentation.clustering;

import java.util.List;

/** The chosen clustering: its k, centroids (standardised space), each point's cluster, and the scores of every k tried. */
public record Clustering(int k, double[][] centroids, int[] labels, List<KScore> scores, boolean silhouetteSampled) {
}
