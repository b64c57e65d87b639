package com.commerceinsight.analytics.imports;

/** Raised when an import under {@link RejectPolicy#STOP} meets a record it cannot load. */
public class ImportStoppedException extends RuntimeException {

    private final Rejection rejection;

    public ImportStoppedException(Rejection rejection) {
        super("import stopped at " + rejection.file() + " record " + rejection.recordNumber() + ": " + rejection.reason());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
