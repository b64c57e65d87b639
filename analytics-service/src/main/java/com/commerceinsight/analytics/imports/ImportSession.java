package com.commerceinsight.analytics.imports;

import java.sql.Connection;

import com.commerceinsight.analytics.jdbc.RecordRejectedException;

/**
 * The state an importer works with: the connection (one transaction for the whole import), the reject policy,
 * the report and the progress listener. {@link #load} runs the mapping of one record and books its outcome.
 */
public final class ImportSession {

    public static final long PROGRESS_EVERY = 10_000;

    /** Loads one record: maps it and adds its rows to batches; throws RecordRejectedException to reject it. */
    @FunctionalInterface
    public interface RecordLoader {
        void load() throws Exception;
    }

    private final Connection connection;
    private final String dataSource;
    private final RejectPolicy policy;
    private final ImportReport report;
    private final ImportProgressListener progress;

    public ImportSession(Connection connection, String dataSource, RejectPolicy policy, ImportReport report,
            ImportProgressListener progress) {
        this.connection = connection;
        this.dataSource = dataSource;
        this.policy = policy;
        this.report = report;
        this.progress = progress;
    }

    public Connection connection() {
        return connection;
    }

    /** The data_source tag to write on the rows of this import. */
    public String dataSource() {
        return dataSource;
    }

    public ImportReport report() {
        return report;
    }

    /**
     * Counts the record as read, then as loaded or rejected. A rejection under STOP ends the import by throwing
     * {@link ImportStoppedException}; any other exception is a failure of the import itself and propagates.
     */
    public void load(String file, long recordNumber, RecordLoader loader) throws Exception {
        FileReport counts = report.file(file);
        counts.countRead();
        try {
            loader.load();
            counts.countLoaded();
        } catch (RecordRejectedException e) {
            reject(file, recordNumber, e.getMessage());
        }
        if (counts.getRead() % PROGRESS_EVERY == 0) {
            progress.onProgress(file, counts);
        }
    }

    /** Books a rejection found outside {@link #load} (for example a check across records). */
    public void reject(String file, long recordNumber, String reason) {
        Rejection rejection = new Rejection(file, recordNumber, reason);
        report.addRejection(rejection);
        if (policy == RejectPolicy.STOP) {
            throw new ImportStoppedException(rejection);
        }
    }

    /** Marks the end of a file: reports its final counts. */
    public void endFile(String file) {
        progress.onProgress(file, report.file(file));
    }
}
