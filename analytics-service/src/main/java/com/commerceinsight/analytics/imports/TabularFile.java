package com.commerceinsight.analytics.imports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A file of records with a header row: CSV (optionally gzip-compressed). */
public interface TabularFile extends Closeable, Iterable<SourceRecord> {

    List<String> header();

    /** Opens a file by its name: {@code .csv} or {@code .csv.gz}. */
    static TabularFile open(Path path) throws IOException {
        return CsvTabularFile.open(path);
    }
}
