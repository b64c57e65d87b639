package com.commerceinsight.analytics.cli;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportReport;
import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.imports.Rejection;
import com.commerceinsight.analytics.imports.RejectPolicy;
import com.commerceinsight.analytics.imports.UnreadableFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FORMAT PATH}: loads a data set, printing progress, and ends with the report. Exit code 2 if it
 * stopped, 1 if it failed (a file that cannot be read, with one line on stderr). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a data set: seed-shop (folder of CSVs), olist (folder), online-retail (.csv, .csv.gz or .xlsx).")
public class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "seed-shop, olist or online-retail")
    String format;

    @Parameters(index = "1", description = "the data set's folder or file")
    Path source;

    @Option(names = "--on-error", defaultValue = "SKIP",
            description = "SKIP (report, count, go on) or STOP (stop at the first bad record; nothing is loaded). Default: ${DEFAULT-VALUE}")
    RejectPolicy onError;

    @Option(names = "--data-source", description = "data_source tag on the loaded rows (default: the format's name)")
    String dataSource;

    @Option(names = "--max-listed", defaultValue = "20", description = "rejections to print (all are counted). Default: ${DEFAULT-VALUE}")
    int maxListed;

    private final ImportRunner runner;
    private final SummaryRebuilder summaries;

    public ImportCommand(ImportRunner runner, SummaryRebuilder summaries) {
        this.runner = runner;
        this.summaries = summaries;
    }

    @Override
    public Integer call() throws Exception {
        ImportReport report;
        try {
            report = runner.run(format, source, onError, dataSource, (file, counts) ->
                    System.err.printf("  %-28s read %,10d  loaded %,10d  rejected %,8d%n", file, counts.getRead(),
                            counts.getLoaded(), counts.getRejected()));
        } catch (UnreadableFileException | IllegalStateException | IllegalArgumentException | NoSuchFileException e) {
            // The input's fault (a damaged file, an unknown format, a data source already loaded): one line, no trace.
            System.err.println("import failed: " + e.getMessage());
            return 1;
        }
        System.out.printf("%s import of %s: %s in %,d ms%n", report.getFormat(), report.getSource(),
                report.isCompleted() ? "completed" : "STOPPED, nothing loaded", report.getElapsedMillis());
        System.out.printf("%-28s %12s %12s %10s  notes%n", "file", "read", "loaded", "rejected");
        for (FileReport file : report.getFiles()) {
            System.out.printf("%-28s %,12d %,12d %,10d  %s%n", file.getFile(), file.getRead(), file.getLoaded(),
                    file.getRejected(), file.getNotes().isEmpty() ? "" : file.getNotes());
        }
        report.getRejections().stream().limit(maxListed).forEach((Rejection r) ->
                System.out.printf("rejected %s record %d: %s%n", r.file(), r.recordNumber(), r.reason()));
        if (report.getRecordsRejected() > maxListed) {
            System.out.printf("... %,d rejections in all%n", report.getRecordsRejected());
        }
        if (!report.isCompleted()) {
            System.out.println(report.getStoppedBecause());
            return 2;
        }
        long perSecond = report.getElapsedMillis() == 0 ? 0 : report.getRecordsLoaded() * 1000 / report.getElapsedMillis();
        System.out.printf("%,d records loaded, %,d rejected, %,d records/s%n", report.getRecordsLoaded(),
                report.getRecordsRejected(), perSecond);
        // A bulk load bypasses the live summary updates.
        RebuildSummariesCommand.print(summaries.rebuild());
        return 0;
    }
}
