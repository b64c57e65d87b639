package com.commerceinsight.analytics.jdbc;

/** Thrown for one source record that cannot be loaded (mapped by an importer, or refused by its table: a missing or too long value); the reason names the field. */
public class RecordRejectedException extends RuntimeException {

    public RecordRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
