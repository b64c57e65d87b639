package com.commerceinsight.analytics.imports;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for one source file: records read, loaded and rejected, plus named notes such as
 * "placeholder products created" for the documented handling of dangling references.
 * Every record read is either loaded or rejected, so read = loaded + rejected.
 */
public final class FileReport {

    private final String file;
    private long read;
    private long loaded;
    private long rejected;
    private final Map<String, Long> notes = new TreeMap<>();

    public FileReport(String file) {
        this.file = file;
    }

    public String getFile() {
        return file;
    }

    public long getRead() {
        return read;
    }

    public long getLoaded() {
        return loaded;
    }

    public long getRejected() {
        return rejected;
    }

    public Map<String, Long> getNotes() {
        return notes;
    }

    void countRead() {
        read++;
    }

    void countLoaded() {
        loaded++;
    }

    void countRejected() {
        rejected++;
    }

    public void note(String what) {
        notes.merge(what, 1L, Long::sum);
    }
}
