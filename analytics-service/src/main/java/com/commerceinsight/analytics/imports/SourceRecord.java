package com.commerceinsight.analytics.imports;

/** One data record of a tabular source file, with its 1-based record number (header excluded). */
public interface SourceRecord {

    long number();

    /** The trimmed value of a column, or null when the column is empty or absent. */
    String get(String column);
}
