package com.commerceinsight.analytics.imports;

/** What an import does with a record it cannot load. */
public enum RejectPolicy {
    /** Report the record (file, record number, reason), count it and go on. */
    SKIP,
    /** Report the record and stop; the whole import is rolled back. */
    STOP
}
