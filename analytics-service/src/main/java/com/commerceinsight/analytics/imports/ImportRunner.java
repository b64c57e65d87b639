package com.commerceinsight.analytics.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Runs an import in one database transaction: everything loads, or (on a failure or a rejection under STOP)
 * nothing does. Shared by the command line and the import job API.
 */
@ApplicationScoped
public class ImportRunner {

    private final DataSource dataSource;
    private final List<DatasetImporter> importers;

    @Inject
    public ImportRunner(DataSource dataSource, Instance<DatasetImporter> importers) {
        this(dataSource, importers.stream().toList());
    }

    /** A runner over the given importers, for use outside CDI (property tests on a private database). */
    public ImportRunner(DataSource dataSource, List<DatasetImporter> importers) {
        this.dataSource = dataSource;
        this.importers = List.copyOf(importers);
    }

    public List<String> formats() {
        return importers.stream().map(DatasetImporter::format).sorted().toList();
    }

    public DatasetImporter importer(String format) {
        return importers.stream().filter(i -> i.format().equals(format)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown import format '" + format + "'; known: "
                        + String.join(", ", formats())));
    }

    public ImportReport run(String format, Path source, RejectPolicy policy, ImportProgressListener progress) throws Exception {
        return run(format, source, policy, null, progress);
    }

    /**
     * Runs an import whose rows carry the given data_source tag (null: the format's own). A tag lets the same data
     * set be loaded twice side by side, since keys are unique per data source only.
     */
    public ImportReport run(String format, Path source, RejectPolicy policy, String dataSourceTag,
            ImportProgressListener progress) throws Exception {
        DatasetImporter importer = importer(format);
        String tag = dataSourceTag == null ? importer.defaultDataSource() : dataSourceTag;
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("no such file or folder: " + source);
        }
        ImportReport report = new ImportReport(format, source.toString());
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                requireNotYetImported(connection, tag);
                importer.importInto(new ImportSession(connection, tag, policy, report, progress), source);
                connection.commit();
                report.finish(true, null, Duration.ofNanos(System.nanoTime() - started));
            } catch (UnreadableFileException unreadable) {
                // Not a bad record but a file that ends where it cannot: SKIP cannot go on past it either.
                connection.rollback();
                throw unreadable;
            } catch (ImportStoppedException stopped) {
                connection.rollback();
                report.finish(false, stopped.getMessage() + "; nothing was loaded", Duration.ofNanos(System.nanoTime() - started));
            } catch (Exception | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return report;
    }

    /** Imports do not merge into earlier loads of the same data source: the keys would clash or double count. */
    private static void requireNotYetImported(Connection connection, String dataSourceTag) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        for (String table : List.of("customer", "product", "orders")) {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM commerce." + table + " WHERE data_source = ?")) {
                count.setString(1, dataSourceTag);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(rs.getLong(1) + " " + table + " rows");
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("data source '" + dataSourceTag + "' is already loaded ("
                    + found.stream().collect(Collectors.joining(", ")) + "); an import does not merge into it");
        }
    }
}
