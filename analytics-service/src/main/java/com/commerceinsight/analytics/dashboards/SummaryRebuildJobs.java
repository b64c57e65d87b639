package com.commerceinsight.analytics.dashboards;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.commerceinsight.analytics.limits.BoundedWorker;
import com.commerceinsight.analytics.limits.LimitsConfig;
import com.commerceinsight.analytics.problem.QueueFullException;

/**
 * Rebuilds of the summaries requested over the API, run one at a time on a worker thread, with a bounded queue
 * behind it. The latest jobs live in this replica's memory: a rebuild is a repair taking seconds to a minute, and its
 * result is in the summaries themselves.
 */
@ApplicationScoped
public class SummaryRebuildJobs {

    private static final Logger LOG = Logger.getLogger(SummaryRebuildJobs.class);

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    public record RebuildJob(String id, Status status, Instant requestedAt, Instant finishedAt,
                             @Schema(description = "rows written per summary table and the time taken, once done")
                             SummaryRebuilder.Report report,
                             String error) {
    }

    private final SummaryRebuilder rebuilder;
    private final Map<String, RebuildJob> jobs;
    private final BoundedWorker worker;

    public SummaryRebuildJobs(SummaryRebuilder rebuilder, LimitsConfig limits) {
        this.rebuilder = rebuilder;
        // Only the latest jobs are kept, so repeated requests cannot grow memory.
        int kept = limits.rebuildJobsKept();
        this.jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RebuildJob> eldest) {
                return size() > kept;
            }
        });
        this.worker = new BoundedWorker("summary-rebuild", "summary rebuild", limits.rebuildQueueCapacity());
    }

    public RebuildJob start() {
        RebuildJob job = new RebuildJob(UUID.randomUUID().toString(), Status.QUEUED, Instant.now(), null, null, null);
        jobs.put(job.id(), job);
        try {
            worker.submit(() -> run(job));
        } catch (QueueFullException full) {
            jobs.remove(job.id());
            throw full;
        }
        return job;
    }

    /** Whether a rebuild is queued or running on this replica (it holds the summary tables' locks while it runs). */
    public boolean busy() {
        synchronized (jobs) {
            return jobs.values().stream().anyMatch(job -> job.status() == Status.QUEUED || job.status() == Status.RUNNING);
        }
    }

    public RebuildJob find(String id) {
        RebuildJob job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("no summary rebuild " + id);
        }
        return job;
    }

    private void run(RebuildJob queued) {
        jobs.put(queued.id(), new RebuildJob(queued.id(), Status.RUNNING, queued.requestedAt(), null, null, null));
        try {
            SummaryRebuilder.Report report = rebuilder.rebuild();
            jobs.put(queued.id(), new RebuildJob(queued.id(), Status.SUCCEEDED, queued.requestedAt(), Instant.now(), report, null));
        } catch (Exception | Error e) {
            LOG.errorf(e, "summary rebuild %s failed", queued.id());
            jobs.put(queued.id(), new RebuildJob(queued.id(), Status.FAILED, queued.requestedAt(), Instant.now(), null,
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
