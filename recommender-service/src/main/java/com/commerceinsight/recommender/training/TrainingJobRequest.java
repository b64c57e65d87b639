package com.commerceinsight.recommender.training;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training run asked for over the API; every field is optional. */
@Schema(description = "Training run settings; omitted fields take the configured defaults")
public record TrainingJobRequest(
        @Schema(description = "T of the evaluation (UTC instant); default: the last purchase minus the horizon") Instant cutoff,
        @Schema(description = "H, days: the test window is (T, T + H]; default recommender.training.horizon-days") @Positive @Max(3650) Integer horizonDays,
        @Schema(description = "activate the model as soon as it is trained (default false: activate it explicitly)") Boolean activate) {
}
