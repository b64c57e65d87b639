package com.commerceinsight.analytics.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one import: per-file counts and the rejected records. Rejections are all counted; the first
 * {@link #MAX_LISTED_REJECTIONS} are listed with their reasons so a huge bad file cannot flood the report.
 */
public final class ImportReport {

    public static final int MAX_LISTED_REJECTIONS = 1000;

    private final String format;
    private final String source;
    private final Map<String, FileReport> files = new LinkedHashMap<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private boolean completed;
    private String stoppedBecause;
    private long elapsedMillis;

    public ImportReport(String format, String source) {
        this.format = format;
        this.source = source;
    }

    public FileReport file(String name) {
        return files.computeIfAbsent(name, FileReport::new);
    }

    void addRejection(Rejection rejection) {
        file(rejection.file()).countRejected();
        if (rejections.size() < MAX_LISTED_REJECTIONS) {
            rejections.add(rejection);
        }
    }

    void finish(boolean completed, String stoppedBecause, Duration elapsed) {
        this.completed = completed;
        this.stoppedBecause = stoppedBecause;
        this.elapsedMillis = elapsed.toMillis();
    }

    public String getFormat() {
        return format;
    }

    public String getSource() {
        return source;
    }

    public List<FileReport> getFiles() {
        return List.copyOf(files.values());
    }

    public List<Rejection> getRejections() {
        return rejections;
    }

    /** True when every file was read to its end and the loaded rows were committed. */
    public boolean isCompleted() {
        return completed;
    }

    public String getStoppedBecause() {
        return stoppedBecause;
    }

    public long getElapsedMillis() {
        return elapsedMillis;
    }

    public long getRecordsRead() {
        return files.values().stream().mapToLong(FileReport::getRead).sum();
    }

    public long getRecordsLoaded() {
        return files.values().stream().mapToLong(FileReport::getLoaded).sum();
    }

    public long getRecordsRejected() {
        return files.values().stream().mapToLong(FileReport::getRejected).sum();
    }
}
