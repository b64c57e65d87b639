package com.commerceinsight.recommender.models;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.training.TrainingReport;

/** A model version as the API shows it (never its bytes). */
@Schema(description = "A trained recommender model version")
public record ModelVersionView(
        String id,
        @Schema(description = "what was fitted: ALS for customer lists, item-item for similar products, popularity for cold start") String algorithm,
        @Schema(description = "ALS hyperparameters chosen on the validation split") AlsParams params,
        @Schema(description = "T of the evaluation (UTC)") LocalDateTime cutoff,
        @Schema(description = "the served model learned from every signal before this time (UTC)") LocalDateTime trainedUntil,
        int customers,
        int products,
        LocalDateTime createdAt,
        @Schema(description = "whether every replica serves this version") boolean active,
        LocalDateTime activatedAt,
        @Schema(description = "validation search and test-window metrics; omitted in lists") TrainingReport report) {
}
