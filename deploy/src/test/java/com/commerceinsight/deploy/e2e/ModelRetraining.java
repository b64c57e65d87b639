package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /** A service's training-jobs path and the body that makes its job activate the model it trains. */
    private record Trainer(String service, String path, String body) {
    }

    private static final List<Trainer> TRAINERS = List.of(
            new Trainer("segmentation-service", "/api/segments/training-jobs", "{}"),
            new Trainer("prediction-service", "/api/predictions/training-jobs", "{\"activate\": true}"),
            new Trainer("recommender-service", "/api/recommendations/training-jobs", "{\"activate\": true}"));

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
        URI jobs = system.uri(trainer.service(), trainer.path());
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(jobs).header("Authorization", system.tokens().authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(trainer.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST " + jobs + " answered " + started.statusCode() + ": " + started.body());
        }
        return jobs.resolve(started.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("POST " + jobs + " gave no Location")));
    }

    private String await(URI job, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(job).header("Authorization", system.tokens().authorization())
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + job + " answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode state = JSON.readTree(answer.body());
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
