package com.commerceinsight.prediction.models;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A model version as the API shows it; {@code evaluation} and {@code parameters} only when one version is asked for. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ModelView(
        long id,
        @Schema(description = "RANDOM_FOREST or GRADIENT_BOOSTED_TREES") String algorithm,
        @Schema(description = "whether every replica serves this version") boolean active,
        @Schema(description = "calibrated probability at or above which a customer is predicted to buy again (max F1 on calibrated out-of-fold predictions)") double threshold,
        @Schema(description = "features before this time, labels in (trainCutoff, trainCutoff + H]") LocalDateTime trainCutoff,
        @Schema(description = "out-of-time test: features before this time, labels in (testCutoff, testCutoff + H]") LocalDateTime testCutoff,
        @Schema(description = "H, the label horizon in days") int horizonDays,
        @Schema(description = "ROC AUC of the pooled out-of-fold predictions of stratified cross-validation on the training snapshot") Double crossValidationRocAuc,
        @Schema(description = "ROC AUC on the out-of-time test snapshot") Double outOfTimeRocAuc,
        LocalDateTime createdAt,
        String trainingJobId,
        @Schema(description = "XGBoost parameters and rounds") JsonNode parameters,
        @Schema(description = "columns the model takes, in order") JsonNode features,
        @Schema(description = "the full evaluation: metrics with counts, confusion matrices, per-class reports, feature scores, gain and "
                + "permutation importance; calibration (method, Brier scores and reliability curves before and after) and curves (out-of-time "
                + "ROC and precision-recall, thinned to about 100 points, and the confusion matrix at the threshold)") JsonNode evaluation) {
}
