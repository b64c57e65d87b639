package com.commerceinsight.segmentation.training;

import java.time.Instant;

import jakarta.validation.constraints.PastOrPresent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to train a model. */
public record TrainingRequest(
        @PastOrPresent @Schema(description = "Snapshot time T (UTC): features from orders and sessions at or before it."
                + " Default: the time of the latest order in the commerce tables") Instant snapshotAt) {
}
