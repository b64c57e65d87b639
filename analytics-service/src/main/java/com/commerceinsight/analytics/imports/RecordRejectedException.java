package com.commerceinsight.analytics.imports;

/** Thrown while mapping one source record that cannot be loaded; the reason names the field. */
public class RecordRejectedException extends RuntimeException {

    public RecordRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
