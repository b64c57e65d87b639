package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to train. Every field may be left out. */
public record TrainingRequest(
        @Schema(description = "T, the out-of-time test cutoff (UTC): the model trains on features before T - H with labels in "
                + "(T - H, T] and is tested on features before T with labels in (T, T + H]. Default: the last order's time minus H, "
                + "so the test labels are complete.")
        LocalDateTime cutoff,
        @Schema(description = "H in days; default prediction.training.horizon-days") @Positive @Max(3650) Integer horizonDays,
        @Schema(description = "algorithms to train; default both") List<Algorithm> algorithms,
        @Schema(description = "activate the version with the best cross-validated ROC AUC when done; default true") Boolean activate) {

    public TrainingRequest {
        algorithms = algorithms == null || algorithms.isEmpty() ? List.of(Algorithm.values()) : List.copyOf(algorithms);
        activate = activate == null || activate;
    }
}
