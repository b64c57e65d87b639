package com.commerceinsight.recommender.training;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How models are trained, evaluated and retrained. */
@ConfigMapping(prefix = "recommender.training")
public interface TrainingConfig {

    /** H: length of the test window after the cutoff, days. */
    @WithDefault("90")
    int horizonDays();

    /** V: length of the validation window before the cutoff that hyperparameters are chosen on, days. */
    @WithDefault("90")
    int validationDays();

    /** List length the metrics are cut at. */
    @WithDefault("10")
    int k();

    /** Conjugate-gradient steps per vector and sweep. */
    @WithDefault("3")
    int cgSteps();

    /** Seed of the initial ALS vectors: the same data and settings give the same model. */
    @WithDefault("42")
    long seed();

    /** Neighbours kept per product by item-item similarity. */
    @WithDefault("50")
    int neighbours();

    /** Hyperparameter grid searched on the validation split. */
    Grid grid();

    /** Start a training job when the service starts with no active model and the commerce data has purchases. */
    @WithDefault("true")
    boolean trainOnStart();

    /** Scheduled retraining; the new model is activated when it is trained (as a started-on-start one is). */
    Retrain retrain();

    /**
     * How long a run's hold on the training lease lasts without renewal; the run renews it every third of this while
     * it trains, and another run may take it once it has expired (the holder died).
     */
    @WithDefault("60s")
    java.time.Duration leaseDuration();

    interface Grid {
        @WithDefault("4,16,64")
        List<Integer> factors();

        @WithDefault("1,10")
        List<Double> regularization();

        @WithDefault("1,5")
        List<Double> alpha();

        @WithDefault("5,15")
        List<Integer> iterations();
    }

    interface Retrain {
        /** Whether scheduled retrains run at all. */
        @WithDefault("true")
        boolean enabled();

        /** When they run (Quartz-style cron of the Quarkus scheduler): nightly by default. */
        @WithDefault("0 30 2 * * ?")
        String cron();
    }

    /** An explicit cutoff for scheduled and on-start training (ISO instant); none = last purchase minus the horizon. */
    @WithName("cutoff")
    Optional<java.time.Instant> cutoff();
}
