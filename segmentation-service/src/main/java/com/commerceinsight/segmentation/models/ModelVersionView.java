package com.commerceinsight.segmentation.models;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A segmentation model version as the API shows it; {@code report} only when one version is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionView(
        long id,
        @Schema(description = "whether every replica assigns customers with this version") boolean active,
        LocalDateTime trainedAt,
        @Schema(description = "the commerce snapshot the version was trained on") LocalDateTime snapshotAt,
        @Schema(description = "number of segments") int k,
        @Schema(description = "customers with orders the version was fitted on") int customers,
        @Schema(description = "mean silhouette of the chosen k") double silhouette,
        @Schema(description = "the training report: k scores, profiles, principal axes") JsonNode report) {
}
