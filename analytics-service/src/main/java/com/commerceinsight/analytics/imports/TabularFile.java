package com.commerceinsight.analytics.imports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A file of records with a header row: CSV (optionally gzip-compressed) or the first sheet of an .xlsx workbook. */
public interface TabularFile extends Closeable, Iterable<SourceRecord> {

    List<String> header();

    /** Opens a file by its name: {@code .xlsx}, or else CSV ({@code .csv} or {@code .csv.gz}). */
    static TabularFile open(Path path) throws IOException {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            try {
                return XlsxTabularFile.open(path);
            } catch (java.nio.file.NoSuchFileException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new UnreadableFileException(path.getFileName().toString(), 0, UnreadableFileException.reasonOf(e));
            }
        }
        return CsvTabularFile.open(path);
    }
}
