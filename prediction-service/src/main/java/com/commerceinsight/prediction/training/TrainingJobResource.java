package com.commerceinsight.prediction.training;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.prediction.limits.ApiLimits;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.prediction.paging.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Training jobs: start one, follow its progress, read its report. */
@Path("/api/predictions/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training")
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
    @Operation(summary = "Train and evaluate the repurchase models (202 with the job; follow its Location)",
            description = "503 with Retry-After while prediction.api.training-queue.capacity jobs are queued or running; "
                    + "429 with Retry-After past the caller's rate limit.")
    @RolesAllowed(Roles.ML_ENGINEER)
    public Response start(@Valid TrainingRequest request) {
        TrainingJob job = admission.admit(() -> jobs.start(request == null ? new TrainingRequest(null, null, null, null) : request));
        return Response.accepted(view(job)).location(URI.create("/api/predictions/training-jobs/" + job.id)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job's status, progress and, when done, its report")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public TrainingJobView get(@PathParam("id") String id) {
        return jobs.find(id).map(this::view).orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Operation(summary = "Jobs, newest first (size at most prediction.api.max-page-size)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<TrainingJobView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        ParameterBounds.atMost("size", size, limits.maxPageSize());
        ParameterBounds.pageInRange(page, size);
        long total = jobs.count();
        ParameterBounds.pageWithinTotal(page, size, total);
        return new Page<>(jobs.page(page, size).stream().map(this::view).toList(), page, size, total);
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
