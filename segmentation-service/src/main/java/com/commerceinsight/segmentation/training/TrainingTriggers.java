package com.commerceinsight.segmentation.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.commerceinsight.segmentation.features.CommerceSnapshot;
import com.commerceinsight.segmentation.models.SegmentationModel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts training without a request: on start when no model exists yet and the commerce tables have orders (so a
 * fresh local run has segments), and on the retrain schedule. Every replica runs the schedule; one that sees a job
 * of another replica queued or running skips, and activations are serialised (models.ModelActivation) for the rare tie.
 */
@ApplicationScoped
public class TrainingTriggers {

    private static final Logger LOG = Logger.getLogger(TrainingTriggers.class);

    private final TrainingJobs jobs;
    private final TrainingConfig config;
    private final CommerceSnapshot snapshot;

    public TrainingTriggers(TrainingJobs jobs, TrainingConfig config, CommerceSnapshot snapshot) {
        this.jobs = jobs;
        this.config = config;
        this.snapshot = snapshot;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.trainOnStart()) {
            return;
        }
        try {
            boolean untrained = QuarkusTransaction.requiringNew().call(() -> SegmentationModel.count() == 0
                    && snapshot.latestOrderAt().isPresent());
            if (untrained && !jobs.busy()) {
                LOG.info("no segmentation model yet: training one on the commerce data");
                jobs.submit(null, TrainingJob.Trigger.STARTUP);
            }
        } catch (RuntimeException e) {
            // The commerce schema may not exist yet (analytics-service migrates it); the schedule will train later.
            LOG.warnf("no training on start: %s", e.getMessage());
        }
    }

    @Scheduled(cron = "{segmentation.training.retrain-cron}", identity = "segmentation-retrain",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retrain() {
        if (jobs.busy()) {
            LOG.info("scheduled retrain skipped: a training job is queued or running");
            return;
        }
        jobs.submit(null, TrainingJob.Trigger.SCHEDULE);
    }
}
