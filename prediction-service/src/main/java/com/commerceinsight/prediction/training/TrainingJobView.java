package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A training job as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingJobView(
        String id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, FAILED or SKIPPED (another run was training)") String status,
        @Schema(description = "what the job is doing now") String stage,
        @Schema(description = "share done, 0 to 1") double progress,
        JsonNode request,
        LocalDateTime createdAt,
        LocalDateTime finishedAt,
        String error,
        @Schema(description = "when done: snapshot sizes and, per algorithm, the model version id and its evaluation") JsonNode report) {
}
