package com.commerceinsight.segmentation.training;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A training job as the API shows it. */
@Schema(description = "A training job: status, progress and, once succeeded, its report")
public record TrainingJobView(
        long id,
        TrainingJob.Status status,
        TrainingJob.Trigger trigger,
        @Schema(description = "What the job is doing now") String stage,
        @Schema(description = "Fraction done, 0 to 1") double progress,
        LocalDateTime createdAt,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        @Schema(description = "The model it trained and activated") Long modelId,
        String error,
        TrainingReport report) {

    static TrainingJobView of(TrainingJob job, ObjectMapper json) {
        try {
            return new TrainingJobView(job.id, job.status, job.trigger, job.stage, job.progress, job.createdAt,
                    job.startedAt, job.finishedAt, job.modelId, job.error,
                    job.report == null ? null : json.readValue(job.report, TrainingReport.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id + " has an unreadable report", e);
        }
    }
}
