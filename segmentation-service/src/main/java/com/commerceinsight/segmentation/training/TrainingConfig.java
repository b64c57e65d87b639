package com.commerceinsight.segmentation.training;

import java.time.Duration;

import com.commerceinsight.segmentation.clustering.ClusteringSettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How segmentation models are trained and when (segmentation.training.*; defaults in application.properties). */
@ConfigMapping(prefix = "segmentation.training")
public interface TrainingConfig {

    /** The smallest k tried. */
    int minK();

    /** The largest k tried. */
    int maxK();

    /** The smallest k a model may have (the business range; the other k are tried and reported). */
    int businessMinK();

    /** The largest k a model may have. */
    int businessMaxK();

    /** k-means++ runs per k; the run with the lowest within-cluster sum of squares is kept. */
    int restarts();

    int maxIterations();

    /** Centroids are fit on a seeded sample of at most this many customers; all are then assigned. */
    int fitSampleSize();

    /** Silhouette is computed on a seeded sample of at most this many customers (it is O(n²)). */
    int silhouetteSampleSize();

    long seed();

    /** A feature whose training skewness exceeds this is log1p-transformed before standardising. */
    double skewThreshold();

    /** Train on start when no model exists yet and the commerce tables have orders. */
    boolean trainOnStart();

    /** Cron of the scheduled retrain (Quarkus cron syntax), or off. */
    String retrainCron();

    /**
     * How long a run's hold on the training lease lasts without renewal; the run renews it every third of this while
     * it trains, and another run may take it once it has expired (the holder died).
     */
    @WithDefault("60s")
    Duration leaseDuration();

    default ClusteringSettings clustering() {
        return new ClusteringSettings(minK(), maxK(), businessMinK(), businessMaxK(), restarts(), maxIterations(), fitSampleSize(), silhouetteSampleSize(), seed());
    }
}
