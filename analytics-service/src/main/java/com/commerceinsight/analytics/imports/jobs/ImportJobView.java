package com.commerceinsight.analytics.imports.jobs;

import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** An import job as the API shows it; {@code report} is present once the job has ended. */
public record ImportJobView(String id, String format, String path, ImportJob.Status status, LocalDateTime createdAt,
        LocalDateTime finishedAt, long recordsRead, long recordsLoaded, long recordsRejected, String currentFile,
        JsonNode report, String error) {
}
