package com.commerceinsight.prediction.training;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Runs training as jobs, one at a time on a worker thread of its own (training takes both cores; two at once would
 * only be slower), or on the caller's thread for the {@code train} command. Across replicas and jobs one run trains
 * at a time: a run first takes the {@link TrainingLease} and is SKIPPED when another holds it. The job row is updated
 * in short transactions as the run progresses, so any replica can report it.
 */
@ApplicationScoped
public class TrainingJobs {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);

    private final RepurchaseTraining training;
    private final TrainingLease lease;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(TrainingJobs::daemon);

    public TrainingJobs(RepurchaseTraining training, TrainingLease lease, ObjectMapper json) {
        this.training = training;
        this.lease = lease;
        this.json = json;
    }

    /** Queues a run on the worker thread and returns its job at once. */
    public TrainingJob start(TrainingRequest request) {
        TrainingJob job = create(request);
        worker.submit(() -> run(job.id, request));
        return job;
    }

    /** Runs on the calling thread and returns the finished job (SUCCEEDED, FAILED or SKIPPED). */
    public TrainingJob runHere(TrainingRequest request) {
        TrainingJob job = create(request);
        run(job.id, request);
        return find(job.id).orElseThrow();
    }

    private TrainingJob create(TrainingRequest request) {
        TrainingJob job = new TrainingJob();
        job.id = UUID.randomUUID().toString();
        job.status = TrainingJob.Status.QUEUED.name();
        job.stage = "queued";
        job.request = json.valueToTree(request).toString();
        job.createdAt = now();
        QuarkusTransaction.requiringNew().run(job::persist);
        return job;
    }

    public Optional<TrainingJob> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>findByIdOptional(id));
    }

    public List<TrainingJob> page(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() ->
                TrainingJob.<TrainingJob>findAll(Sort.descending("createdAt")).page(Page.of(page, size)).list());
    }

    public long count() {
        // a lambda, not TrainingJob::count: the reference binds to PanacheEntityBase.count, which Panache does not enhance
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.count());
    }

    private void run(String id, TrainingRequest request) {
        boolean trained;
        try {
            trained = lease.runHolding(() -> train(id, request));
        } catch (SQLException e) {
            fail(id, e);
            return;
        }
        if (!trained) {
            LOG.infof("training job %s skipped: another run holds the training lease", id);
            update(id, job -> {
                job.status = TrainingJob.Status.SKIPPED.name();
                job.stage = "skipped: another run was training";
                job.finishedAt = now();
            });
        }
    }

    private void train(String id, TrainingRequest request) {
        update(id, job -> job.status = TrainingJob.Status.RUNNING.name());
        double[] lastWritten = {-1};
        try {
            TrainingReport report = training.run(request, id, (stage, share) -> {
                if (share - lastWritten[0] >= 0.01 || share >= 1) {
                    lastWritten[0] = share;
                    update(id, job -> {
                        job.stage = stage;
                        job.progress = share;
                    });
                }
            });
            update(id, job -> {
                job.status = TrainingJob.Status.SUCCEEDED.name();
                job.stage = "done";
                job.progress = 1;
                job.report = json.valueToTree(report).toString();
                job.finishedAt = now();
            });
        } catch (Exception | LinkageError e) {
            fail(id, e);
        }
    }

    private void fail(String id, Throwable e) {
        LOG.errorf(e, "training job %s failed", id);
        String message = String.valueOf(e.getMessage());
        update(id, job -> {
            job.status = TrainingJob.Status.FAILED.name();
            job.error = message.substring(0, Math.min(2000, message.length()));
            job.finishedAt = now();
        });
    }

    private void update(String id, java.util.function.Consumer<TrainingJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(TrainingJob.findById(id)));
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    /**
     * A daemon, so a running training does not hold the process open; at shutdown it is not interrupted either
     * (H2 closes its database file when a thread reading it is interrupted): the job simply stays RUNNING.
     */
    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "repurchase-training");
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
