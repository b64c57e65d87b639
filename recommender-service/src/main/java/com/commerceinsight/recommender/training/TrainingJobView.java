package com.commerceinsight.recommender.training;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training job as the API shows it. */
@Schema(description = "A training run: progress while it runs, the model version and report when done")
public record TrainingJobView(
        String id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, FAILED or SKIPPED (another run was training)") TrainingJob.Status status,
        @Schema(description = "API, STARTUP (no active model at start), SCHEDULE or COMMAND (the train command)") TrainingJob.Trigger trigger,
        @Schema(description = "share done, 0 to 1") double progress,
        @Schema(description = "whether the model is activated when trained") boolean activate,
        LocalDateTime createdAt,
        LocalDateTime finishedAt,
        @Schema(description = "the model version made, when SUCCEEDED") String modelVersionId,
        @Schema(description = "the run's report, when SUCCEEDED") TrainingReport report,
        String error) {
}
