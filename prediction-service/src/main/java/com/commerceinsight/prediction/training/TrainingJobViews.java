package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.apikit.training.TrainingJobQueue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The training jobs as the API reads them: {@link TrainingJobView}s with the request and the report as JSON. */
@ApplicationScoped
public class TrainingJobViews implements TrainingJobQueue<TrainingJobView, TrainingRequest> {

    private static final List<String> PENDING = List.of(TrainingJob.Status.QUEUED.name(), TrainingJob.Status.RUNNING.name());

    private final TrainingJobs jobs;
    private final ObjectMapper json;

    public TrainingJobViews(TrainingJobs jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @Override
    public TrainingJobView start(TrainingRequest request) {
        return view(jobs.start(request == null ? new TrainingRequest(null, null, null, null) : request));
    }

    @Override
    public String idOf(TrainingJobView job) {
        return job.id();
    }

    @Override
    public TrainingJobView find(String id) {
        return jobs.find(id).map(this::view).orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @Override
    public Page<TrainingJobView> list(int page, int size) {
        return new Page<>(jobs.page(page, size).stream().map(this::view).toList(), page, size, jobs.count());
    }

    @Override
    public long pendingSince(LocalDateTime since) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.count("status in ?1 and createdAt > ?2", PENDING, since));
    }

    private TrainingJobView view(TrainingJob job) {
        try {
            return new TrainingJobView(job.id, job.status, job.stage, job.progress, json.readTree(job.request), job.createdAt,
                    job.finishedAt, job.error, job.report == null ? null : json.readTree(job.report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training job " + job.id + " holds unreadable JSON", e);
        }
    }
}
