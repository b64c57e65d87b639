package com.commerceinsight.segmentation.training;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.commerceinsight.apikit.input.NumericIds;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.apikit.training.TrainingJobQueue;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Runs training jobs one at a time on a worker thread (or on the caller's thread for the {@code train} command): a
 * request returns at once with the job, whose row shows the stage and progress while it runs and the report when it
 * is done. Across replicas and jobs one run trains at a time: a run first takes the {@link TrainingLease} and is
 * SKIPPED when another holds it.
 */
@ApplicationScoped
public class TrainingJobs implements TrainingJobQueue<TrainingJobView, TrainingRequest> {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final List<TrainingJob.Status> PENDING = List.of(TrainingJob.Status.QUEUED, TrainingJob.Status.RUNNING);

    private final ModelTrainer trainer;
    private final TrainingLease lease;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segmentation-training");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingJobs(ModelTrainer trainer, TrainingLease lease, ObjectMapper json) {
        this.trainer = trainer;
        this.lease = lease;
        this.json = json;
    }

    /** @param snapshotAt null for the latest order time */
    public TrainingJob submit(LocalDateTime snapshotAt, TrainingJob.Trigger trigger) {
        TrainingJob job = create(snapshotAt, trigger);
        worker.submit(() -> run(job.id, snapshotAt));
        return job;
    }

    /** Runs on the calling thread and returns the finished job (SUCCEEDED, FAILED or SKIPPED). @param snapshotAt null for the latest order time */
    public TrainingJob runHere(LocalDateTime snapshotAt, TrainingJob.Trigger trigger) {
        TrainingJob job = create(snapshotAt, trigger);
        run(job.id, snapshotAt);
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>findById(job.id));
    }

    private TrainingJob create(LocalDateTime snapshotAt, TrainingJob.Trigger trigger) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob row = new TrainingJob();
            row.status = TrainingJob.Status.QUEUED;
            row.trigger = trigger;
            row.requestedSnapshotAt = snapshotAt;
            row.stage = "queued";
            row.createdAt = now();
            row.persist();
            return row;
        });
    }

    /**
     * Whether any replica has a job queued or running that started within the last hour (the schedule and the
     * start skip a run then; a job left RUNNING by a replica that died stops counting after the hour).
     */
    public boolean busy() {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.count("status in ?1 and createdAt > ?2",
                PENDING, now().minusHours(1)) > 0);
    }

    private void run(long jobId, LocalDateTime snapshotAt) {
        boolean trained;
        try {
            trained = lease.runHolding(() -> train(jobId, snapshotAt));
        } catch (SQLException e) {
            fail(jobId, e);
            return;
        }
        if (!trained) {
            LOG.infof("training job %d skipped: another run holds the training lease", jobId);
            update(jobId, job -> {
                job.status = TrainingJob.Status.SKIPPED;
                job.stage = "skipped: another run was training";
                job.finishedAt = now();
            });
        }
    }

    private void train(long jobId, LocalDateTime snapshotAt) {
        try {
            update(jobId, job -> {
                job.status = TrainingJob.Status.RUNNING;
                job.startedAt = now();
            });
            TrainingReport report = trainer.train(snapshotAt, (stage, fraction) -> update(jobId, job -> {
                job.stage = stage;
                job.progress = fraction;
            }));
            String reportJson = json.writeValueAsString(report);
            update(jobId, job -> {
                job.status = TrainingJob.Status.SUCCEEDED;
                job.stage = "done";
                job.progress = 1;
                job.modelId = report.modelId();
                job.report = reportJson;
                job.finishedAt = now();
            });
            LOG.infof("training job %d: model %d, k = %d, %d customers", jobId, report.modelId(), report.chosenK(), report.customers());
        } catch (Exception e) {
            fail(jobId, e);
        }
    }

    private static void fail(long jobId, Exception e) {
        LOG.errorf(e, "training job %d failed", jobId);
        String message = String.valueOf(e.getMessage());
        update(jobId, job -> {
            job.status = TrainingJob.Status.FAILED;
            job.error = message.length() > 2000 ? message.substring(0, 2000) : message;
            job.finishedAt = now();
        });
    }

    private static void update(long jobId, Consumer<TrainingJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(TrainingJob.findById(jobId)));
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Without a snapshot time, the latest order time. */
    @Override
    public TrainingJobView start(TrainingRequest request) {
        LocalDateTime snapshotAt = request == null || request.snapshotAt() == null ? null
                : LocalDateTime.ofInstant(request.snapshotAt(), ZoneOffset.UTC);
        return TrainingJobView.of(submit(snapshotAt, TrainingJob.Trigger.API), json);
    }

    @Override
    public String idOf(TrainingJobView job) {
        return Long.toString(job.id());
    }

    @Override
    public TrainingJobView find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = TrainingJob.findById(NumericIds.parse(id, "training job"));
            if (job == null) {
                throw new NotFoundException("no training job " + id);
            }
            return TrainingJobView.of(job, json);
        });
    }

    @Override
    public Page<TrainingJobView> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = TrainingJob.<TrainingJob>findAll(Sort.descending("id")).page(page, size);
            return new Page<>(query.list().stream().map(job -> TrainingJobView.of(job, json)).toList(), page, size, query.count());
        });
    }

    @Override
    public long pendingSince(LocalDateTime since) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.count("status in ?1 and createdAt > ?2", PENDING, since));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
