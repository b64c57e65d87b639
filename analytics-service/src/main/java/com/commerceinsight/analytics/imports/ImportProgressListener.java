package com.commerceinsight.analytics.imports;

/** Receives progress while an import runs (the CLI prints it, the job API stores it). */
@FunctionalInterface
public interface ImportProgressListener {

    /** Called every {@link ImportSession#PROGRESS_EVERY} records of a file and once when the file ends. */
    void onProgress(String file, FileReport counts);

    ImportProgressListener NONE = (file, counts) -> {
    };
}
