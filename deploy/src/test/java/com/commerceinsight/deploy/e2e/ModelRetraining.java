package com.commerceinsight.deploy.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Retrains the three ML services' models over their APIs and activates the new ones, as the retrain schedules do at
 * night: every job is started first (they train side by side), then each is awaited. A job that fails, is skipped or
 * does not finish in time is an error: the drill that retrains must have retrained.
 */
final class ModelRetraining {

    /**
     * A service's training-jobs path, and where its active model says the cutoff it was trained at (null for
     * segmentation, which takes a snapshot time instead). The drills' orders are dated now, on a sample shop that ends
     * months earlier, so a default cutoff of "the last order minus the horizon" would leave the shop's customers without
     * labels: the retrain asks for the active model's cutoff again, a retrain on the same window with the orders that
     * came since.
     */
    private record Trainer(String service, String jobsPath, String activePath, String cutoffField) {
    }

    private static final List<Trainer> TRAINERS = List.of(
            new Trainer("segmentation-service", "/api/segments/training-jobs", null, null),
            new Trainer("prediction-service", "/api/predictions/training-jobs", "/api/predictions/models/active", "testCutoff"),
            new Trainer("recommender-service", "/api/recommendations/training-jobs", "/api/recommendations/models/active", "cutoff"));

    /**
     * Segmentation trains as of a moment inside the load, this long ago: the orders after it whose events are applied
     * before the activation are what the activation must keep. At the default snapshot (the latest order) that window is
     * the training's own time, too short on a small shop for a drill to hit it every time.
     */
    private static final Duration SNAPSHOT_LAG = Duration.ofSeconds(5);

    private final LocalSystem system;

    ModelRetraining(LocalSystem system) {
        this.system = system;
    }

    /** Starts a job on every ML service, then waits for each to succeed; returns "service: job status" per job. */
    List<String> retrainEverything(Duration timeout) throws Exception {
        List<String> jobs = new ArrayList<>();
        for (Trainer trainer : TRAINERS) {
            jobs.add(start(trainer));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            finished.add(TRAINERS.get(i).service() + ": " + await(client(TRAINERS.get(i)), jobs.get(i), deadline));
        }
        return finished;
    }

    /** The service's own API, called with the tokens of the system's demo user. */
    private GatewayClient client(Trainer trainer) {
        return new GatewayClient(system.uri(trainer.service(), ""), system.tokens());
    }

    /** Starts the trainer's job; returns the job's path. */
    private String start(Trainer trainer) throws Exception {
        GatewayClient api = client(trainer);
        String body = trainer.activePath() == null ? "{\"snapshotAt\": \"" + Instant.now().minus(SNAPSHOT_LAG) + "\"}"
                : "{\"activate\": true, \"cutoff\": \"" + activeCutoff(api, trainer) + "Z\"}"; // the views' times are UTC, unzoned
        return trainer.jobsPath() + "/" + api.post(trainer.jobsPath(), body, 202).path("id").asText();
    }

    private static String activeCutoff(GatewayClient api, Trainer trainer) throws Exception {
        String cutoff = api.get(trainer.activePath()).path(trainer.cutoffField()).asText();
        if (cutoff.isEmpty()) {
            throw new IllegalStateException(trainer.service() + "'s active model has no " + trainer.cutoffField());
        }
        return cutoff;
    }

    private static String await(GatewayClient api, String job, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            JsonNode state = api.get(job);
            String status = state.path("status").asText();
            switch (status) {
                case "SUCCEEDED":
                    return status;
                case "FAILED", "SKIPPED":
                    throw new IllegalStateException("training job " + job + " " + status + ": " + state.path("error").asText());
                default:
                    Thread.sleep(500);
            }
        }
        throw new IllegalStateException("training job " + job + " did not finish in time");
    }
}
