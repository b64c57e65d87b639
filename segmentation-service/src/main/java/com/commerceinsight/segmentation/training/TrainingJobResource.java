package com.commerceinsight.segmentation.training;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.segmentation.limits.ApiLimits;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.segmentation.paging.Page;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/** Training jobs: start one, follow its progress, read its report. */
@Path("/api/segments/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingJobResource {

    private final TrainingJobs jobs;
    private final TrainingAdmission admission;
    private final ApiLimits limits;
    private final ObjectMapper json;

    public TrainingJobResource(TrainingJobs jobs, TrainingAdmission admission, ApiLimits limits, ObjectMapper json) {
        this.jobs = jobs;
        this.admission = admission;
        this.limits = limits;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("training")
    @Operation(summary = "Train a model on the commerce snapshot and activate it",
            description = "Answers 202 with the job; GET its Location for progress and the report. 503 with Retry-After while "
                    + "segmentation.api.training-queue.capacity jobs are queued or running; 429 past the caller's rate limit.")
    @RolesAllowed(Roles.ML_ENGINEER)
    public Response start(@Valid TrainingRequest request) {
        LocalDateTime snapshotAt = request == null || request.snapshotAt() == null ? null
                : LocalDateTime.ofInstant(request.snapshotAt(), ZoneOffset.UTC);
        TrainingJob job = admission.admit(() -> jobs.submit(snapshotAt, TrainingJob.Trigger.API));
        return Response.accepted(TrainingJobView.of(job, json))
                .location(URI.create("/api/segments/training-jobs/" + job.id)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A training job: status, stage, progress (0 to 1) and, when succeeded, the report")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public TrainingJobView job(@PathParam("id") long id) {
        TrainingJob job = TrainingJob.findById(id);
        if (job == null) {
            throw new NotFoundException("no training job " + id);
        }
        return TrainingJobView.of(job, json);
    }

    @GET
    @Transactional
    @Operation(summary = "Training jobs, newest first")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<TrainingJobView> jobs(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        ParameterBounds.atMost("size", size, limits.maxPageSize());
        ParameterBounds.pageInRange(page, size);
        var query = TrainingJob.<TrainingJob>findAll(Sort.descending("id")).page(page, size);
        long total = query.count();
        ParameterBounds.pageWithinTotal(page, size, total);
        return new Page<>(query.list().stream().map(job -> TrainingJobView.of(job, json)).toList(), page, size, total);
    }
}
