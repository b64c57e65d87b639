package com.commerceinsight.analytics.imports.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportReport;
import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.imports.RejectPolicy;
import com.commerceinsight.analytics.imports.UnreadableFileException;
import com.commerceinsight.analytics.limits.BoundedWorker;
import com.commerceinsight.analytics.limits.LimitsConfig;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.analytics.problem.InvalidFieldException;
import com.commerceinsight.analytics.problem.QueueFullException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Runs imports as jobs: the request is checked and stored, the import runs on a worker thread, and the job row
 * carries its progress and, at the end, its report. Imports run one at a time, with a bounded queue behind: they are
 * bulk writes into the same tables, and running two at once would only make both slower.
 */
@ApplicationScoped
public class ImportJobService {

    private static final Logger LOG = Logger.getLogger(ImportJobService.class);

    private final ImportRunner runner;
    private final ImportConfig config;
    private final ObjectMapper json;
    private final SummaryRebuilder summaries;
    private final BoundedWorker worker;

    public ImportJobService(ImportRunner runner, ImportConfig config, ObjectMapper json, SummaryRebuilder summaries,
            LimitsConfig limits) {
        this.runner = runner;
        this.config = config;
        this.json = json;
        this.summaries = summaries;
        this.worker = new BoundedWorker("import-worker", "import job", limits.importQueueCapacity());
    }

    public ImportJobView start(ImportJobRequest request) {
        if (!runner.formats().contains(request.format())) {
            throw new InvalidFieldException("format", "unknown format '" + request.format() + "'; known: "
                    + String.join(", ", runner.formats()));
        }
        Path source = resolveInImportDirectory(request.path());
        RejectPolicy policy = request.onError() == null ? RejectPolicy.SKIP : request.onError();
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob created = new ImportJob();
            created.id = UUID.randomUUID().toString();
            created.format = request.format();
            created.sourcePath = request.path();
            created.status = ImportJob.Status.QUEUED;
            created.createdAt = LocalDateTime.now();
            created.persist();
            return created;
        });
        try {
            worker.submit(() -> run(job.id, request.format(), source, policy, request.dataSource()));
        } catch (QueueFullException full) {
            QuarkusTransaction.requiringNew().run(() -> ImportJob.deleteById(job.id));
            throw full;
        }
        return view(job);
    }

    public ImportJobView find(String id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null) {
            throw new NotFoundException("no import job " + id);
        }
        return view(job);
    }

    public Page<ImportJobView> list(int page, int size) {
        Page.requireReachable(page, size);
        var query = ImportJob.findAll(Sort.descending("createdAt")).page(page, size);
        return new Page<>(query.<ImportJob>list().stream().map(this::view).toList(), page, size, query.count());
    }

    private Path resolveInImportDirectory(String path) {
        Path root = config.directory().toAbsolutePath().normalize();
        Path source = root.resolve(path).normalize();
        if (!source.startsWith(root)) {
            throw new InvalidFieldException("path", "path must stay inside the import directory");
        }
        if (!Files.exists(source)) {
            throw new InvalidFieldException("path", "no file or folder '" + path + "' in the import directory");
        }
        return source;
    }

    private void run(String id, String format, Path source, RejectPolicy policy, String dataSourceTag) {
        update(id, job -> job.status = ImportJob.Status.RUNNING);
        Map<String, FileReport> progressByFile = new ConcurrentHashMap<>();
        try {
            ImportReport report = runner.run(format, source, policy, dataSourceTag, (file, counts) -> {
                progressByFile.put(file, counts);
                update(id, job -> {
                    job.currentFile = file;
                    job.recordsRead = progressByFile.values().stream().mapToLong(FileReport::getRead).sum();
                    job.recordsLoaded = progressByFile.values().stream().mapToLong(FileReport::getLoaded).sum();
                    job.recordsRejected = progressByFile.values().stream().mapToLong(FileReport::getRejected).sum();
                });
            });
            if (report.isCompleted()) {
                // A bulk load bypasses the live summary updates; the job ends when the dashboards show its data.
                summaries.rebuild();
            }
            String reportJson = json.writeValueAsString(report);
            update(id, job -> {
                job.status = report.isCompleted() ? ImportJob.Status.SUCCEEDED : ImportJob.Status.STOPPED;
                job.recordsRead = report.getRecordsRead();
                job.recordsLoaded = report.isCompleted() ? report.getRecordsLoaded() : 0;
                job.recordsRejected = report.getRecordsRejected();
                job.reportJson = reportJson;
                job.error = report.getStoppedBecause();
                job.finishedAt = LocalDateTime.now();
            });
        } catch (UnreadableFileException | IllegalStateException | IllegalArgumentException e) {
            // The input's fault (a damaged file, a data source already loaded): the message says it all.
            LOG.warnf("import job %s failed: %s", id, e.getMessage());
            fail(id, e);
        } catch (Exception | Error e) {
            LOG.errorf(e, "import job %s failed", id);
            fail(id, e);
        }
    }

    private static void fail(String id, Throwable e) {
        update(id, job -> {
            job.status = ImportJob.Status.FAILED;
            job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            job.finishedAt = LocalDateTime.now();
        });
    }

    private static void update(String id, java.util.function.Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(id)));
    }

    private ImportJobView view(ImportJob job) {
        try {
            return new ImportJobView(job.id, job.format, job.sourcePath, job.status, job.createdAt, job.finishedAt,
                    job.recordsRead, job.recordsLoaded, job.recordsRejected, job.currentFile,
                    job.reportJson == null ? null : json.readTree(job.reportJson), job.error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report of job " + job.id + " is not JSON", e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
