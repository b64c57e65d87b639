package com.commerceinsight.segmentation.clustering;

import java.util.List;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.evaluation.ClusterEvaluator;

/**
 * Scores a k-means run by its within-cluster sum of squares (inertia), lower is better: the objective k-means
 * minimises. commons-math's default evaluator sums the clusters' variances unweighted by size, which can prefer a
 * run that leaves a large cluster loose; choosing restarts by it gave inertia that rose with k.
 */
final class WithinClusterSquares extends ClusterEvaluator<DoublePoint> {

    @Override
    public double score(List<? extends Cluster<DoublePoint>> clusters) {
        double sum = 0;
        for (Cluster<DoublePoint> cluster : clusters) {
            double[] centre = ((CentroidCluster<DoublePoint>) cluster).getCenter().getPoint();
            for (DoublePoint point : cluster.getPoints()) {
                sum += Centroids.squaredDistance(point.getPoint(), centre);
            }
        }
        return sum;
    }
}
