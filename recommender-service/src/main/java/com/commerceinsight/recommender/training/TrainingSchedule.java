package com.commerceinsight.recommender.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.commerceinsight.recommender.models.ModelRegistry;
import com.commerceinsight.recommender.signals.CommerceSignalReader;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Trains without being asked: once at start when no model is active and the shop has purchases (so a fresh local
 * run serves recommendations), and on the retrain schedule. Both activate their model when it is trained.
 */
@ApplicationScoped
public class TrainingSchedule {

    private static final Logger LOG = Logger.getLogger(TrainingSchedule.class);
    private static final TrainingJobRequest DEFAULTS_AND_ACTIVATE = new TrainingJobRequest(null, null, true);

    private final TrainingJobs jobs;
    private final ModelRegistry registry;
    private final CommerceSignalReader commerce;
    private final TrainingConfig config;

    public TrainingSchedule(TrainingJobs jobs, ModelRegistry registry, CommerceSignalReader commerce, TrainingConfig config) {
        this.jobs = jobs;
        this.registry = registry;
        this.commerce = commerce;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.trainOnStart() && !registry.hasActive() && commerce.hasPurchases()) {
            LOG.info("no active recommender model and the shop has purchases: training one");
            jobs.start(DEFAULTS_AND_ACTIVATE, TrainingJob.Trigger.STARTUP);
        }
    }

    @Scheduled(cron = "${recommender.training.retrain.cron}", skipExecutionIf = RetrainDisabled.class)
    void retrain() {
        if (commerce.hasPurchases()) {
            jobs.start(DEFAULTS_AND_ACTIVATE, TrainingJob.Trigger.SCHEDULE);
        }
    }

    /** Skips the scheduled retrain when recommender.training.retrain.enabled is false. */
    @ApplicationScoped
    public static class RetrainDisabled implements Scheduled.SkipPredicate {

        private final TrainingConfig config;

        public RetrainDisabled(TrainingConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.retrain().enabled();
        }
    }
}
