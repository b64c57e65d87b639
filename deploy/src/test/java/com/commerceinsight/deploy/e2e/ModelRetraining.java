package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Retrains the three ML services' models over their APIs and activates the new ones, as the retrain schedules do at
 * night: every job is started first (they train side by side), then each is awaited. A job that fails, is skipped or
 * does not finish in time is an error: the drill that retrains must have retrained.
 */
final class ModelRetraining {

    /**
     * A service's training-jobs path, and where its active model says the cutoff it was trained at (null for
     * segmentation, which takes a snapshot time instead). The drills' orders are dated now, on a sample shop that ends months earlier, so a default cutoff
     * of "the last order minus the horizon" would leave the shop's customers without labels: the retrain asks for the
     * active model's cutoff again, a retrain on the same window with the orders that came since.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSystem system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ModelRetraining(LocalSystem system) {
        this.system = system;
    }

    /** Starts a job on every ML service, then waits for each to succeed; returns "service: job status" per job. */
    List<String> retrainEverything(Duration timeout) throws Exception {
        List<URI> jobs = new ArrayList<>();
        for (Trainer trainer : TRAINERS) {
            jobs.add(start(trainer));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            finished.add(TRAINERS.get(i).service() + ": " + await(jobs.get(i), deadline));
        }
        return finished;
    }

    private URI start(Trainer trainer) throws Exception {
        URI jobs = system.uri(trainer.service(), trainer.jobsPath());
        String body = trainer.activePath() == null ? "{\"snapshotAt\": \"" + Instant.now().minus(SNAPSHOT_LAG) + "\"}"
                : "{\"activate\": true, \"cutoff\": \"" + activeCutoff(trainer) + "Z\"}"; // the views' times are UTC, unzoned
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(jobs).header("Authorization", system.tokens().authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST " + jobs + " answered " + started.statusCode() + ": " + started.body());
        }
        return jobs.resolve(started.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("POST " + jobs + " gave no Location")));
    }

    private String activeCutoff(Trainer trainer) throws Exception {
        JsonNode active = getJson(system.uri(trainer.service(), trainer.activePath()));
        String cutoff = active.path(trainer.cutoffField()).asText();
        if (cutoff.isEmpty()) {
            throw new IllegalStateException(trainer.service() + "'s active model has no " + trainer.cutoffField());
        }
        return cutoff;
    }

    private JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Authorization", system.tokens().authorization())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private String await(URI job, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            JsonNode state = getJson(job);
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
