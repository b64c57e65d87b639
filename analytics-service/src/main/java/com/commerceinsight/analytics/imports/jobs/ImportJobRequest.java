package com.commerceinsight.analytics.imports.jobs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.commerceinsight.analytics.imports.RejectPolicy;

/** Starts an import of a file or folder under the service's import directory. */
public record ImportJobRequest(
        @Schema(description = "seed-shop, olist or online-retail", example = "seed-shop") @NotBlank String format,
        @Schema(description = "file or folder, relative to the import directory", example = "seed-shop") @NotBlank String path,
        @Schema(description = "SKIP: report and count bad records and go on (default); STOP: stop at the first and load nothing")
        RejectPolicy onError,
        @Schema(description = "data_source tag written on the loaded rows; default: the format's name")
        @Size(max = 20) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes only") String dataSource) {
}
