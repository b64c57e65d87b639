package com.commerceinsight.recommender.training;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.commerceinsight.recommender.models.ModelRegistry;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.apikit.training.TrainingJobQueue;
import com.commerceinsight.recommender.signals.CommerceSignalReader;
import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalConfig;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Runs training as jobs: the job row is stored, the run happens on one worker thread (training uses every core
 * itself, so two at once would only slow both) or on the caller's thread for the {@code train} command, and the row
 * carries progress and, at the end, the model version. Across replicas and jobs one run trains at a time: a run first
 * takes the {@link TrainingLease} and is SKIPPED when another holds it.
 */
@ApplicationScoped
public class TrainingJobs implements TrainingJobQueue<TrainingJobView, TrainingJobRequest> {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final List<TrainingJob.Status> PENDING = List.of(TrainingJob.Status.QUEUED, TrainingJob.Status.RUNNING);

    private final CommerceSignalReader commerce;
    private final ModelRegistry registry;
    private final TrainingLease lease;
    private final TrainingConfig config;
    private final SignalConfig signals;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "training-worker");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingJobs(CommerceSignalReader commerce, ModelRegistry registry, TrainingLease lease, TrainingConfig config,
            SignalConfig signals, ObjectMapper json) {
        this.commerce = commerce;
        this.registry = registry;
        this.lease = lease;
        this.config = config;
        this.signals = signals;
        this.json = json;
    }

    /** Starts a run on the commerce data. */
    public TrainingJobView start(TrainingJobRequest request, TrainingJob.Trigger trigger) {
        return start(request, trigger, commerce::readAll);
    }

    /** Starts a run on signals from elsewhere (a fixture, a benchmark): the same path as a run on the commerce data. */
    public TrainingJobView start(TrainingJobRequest request, TrainingJob.Trigger trigger, java.util.function.Supplier<InteractionLog> signalSource) {
        TrainingJobRequest effective = request == null ? new TrainingJobRequest(null, null, null) : request;
        TrainingJob job = create(effective, trigger);
        worker.submit(() -> run(job.id, plan(effective), job.activate, signalSource));
        return view(job);
    }

    /** Runs on the commerce data on the calling thread and returns the finished job (SUCCEEDED, FAILED or SKIPPED). */
    public TrainingJobView runHere(TrainingJobRequest request, TrainingJob.Trigger trigger) {
        TrainingJobRequest effective = request == null ? new TrainingJobRequest(null, null, null) : request;
        TrainingJob job = create(effective, trigger);
        run(job.id, plan(effective), job.activate, commerce::readAll);
        return find(job.id);
    }

    private TrainingJob create(TrainingJobRequest effective, TrainingJob.Trigger trigger) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob created = new TrainingJob();
            created.id = UUID.randomUUID().toString();
            created.status = TrainingJob.Status.QUEUED;
            created.trigger = trigger;
            created.activate = Boolean.TRUE.equals(effective.activate());
            created.requestJson = json.valueToTree(effective).toString();
            created.createdAt = now();
            created.persist();
            return created;
        });
    }

    TrainingPlan plan(TrainingJobRequest request) {
        TrainingConfig.Grid grid = config.grid();
        return new TrainingPlan(request.cutoff() != null ? request.cutoff() : config.cutoff().orElse(null),
                request.horizonDays() != null ? request.horizonDays() : config.horizonDays(), config.validationDays(), config.k(),
                new SearchGrid(grid.factors(), grid.regularization(), grid.alpha(), grid.iterations()), config.cgSteps(),
                config.seed(), config.neighbours(), signals.weights());
    }

    private void run(String id, TrainingPlan plan, boolean activate, java.util.function.Supplier<InteractionLog> signalSource) {
        boolean trained;
        try {
            trained = lease.runHolding(() -> train(id, plan, activate, signalSource));
        } catch (SQLException e) {
            fail(id, e);
            return;
        }
        if (!trained) {
            LOG.infof("training job %s skipped: another run holds the training lease", id);
            update(id, job -> {
                job.status = TrainingJob.Status.SKIPPED;
                job.finishedAt = now();
            });
        }
    }

    private void train(String id, TrainingPlan plan, boolean activate, java.util.function.Supplier<InteractionLog> signalSource) {
        update(id, job -> job.status = TrainingJob.Status.RUNNING);
        try {
            InteractionLog log = signalSource.get();
            double[] reported = {0};
            ModelTrainer.Outcome outcome = ModelTrainer.train(log, plan, share -> {
                if (share - reported[0] >= 0.01 || share >= 1) {
                    reported[0] = share;
                    update(id, job -> job.progress = share);
                }
            });
            String versionId = registry.save(outcome.models(), outcome.report());
            update(id, job -> {
                job.status = TrainingJob.Status.SUCCEEDED;
                job.progress = 1;
                job.modelVersionId = versionId;
                job.finishedAt = now();
            });
            if (activate) {
                registry.activate(versionId);
            }
        } catch (Exception | Error e) {
            fail(id, e);
        }
    }

    private static void fail(String id, Throwable e) {
        LOG.errorf(e, "training job %s failed", id);
        update(id, job -> {
            job.status = TrainingJob.Status.FAILED;
            job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            job.finishedAt = now();
        });
    }

    /** A job started over the API. */
    @Override
    public TrainingJobView start(TrainingJobRequest request) {
        return start(request, TrainingJob.Trigger.API);
    }

    @Override
    public String idOf(TrainingJobView job) {
        return job.id();
    }

    @Override
    public long pendingSince(LocalDateTime since) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.count("status in ?1 and createdAt > ?2", PENDING, since));
    }

    @Override
    public TrainingJobView find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = TrainingJob.findById(id);
            if (job == null) {
                throw new NotFoundException("no training job " + id);
            }
            return view(job);
        });
    }

    @Override
    public Page<TrainingJobView> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = TrainingJob.findAll(Sort.descending("createdAt")).page(page, size);
            return new Page<>(query.<TrainingJob>list().stream().map(this::view).toList(), page, size, query.count());
        });
    }

    private static void update(String id, Consumer<TrainingJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(TrainingJob.findById(id)));
    }

    private TrainingJobView view(TrainingJob job) {
        TrainingReport report = job.modelVersionId == null ? null : registry.find(job.modelVersionId).report();
        return new TrainingJobView(job.id, job.status, job.trigger, job.progress, job.activate, job.createdAt, job.finishedAt,
                job.modelVersionId, report, job.error);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
