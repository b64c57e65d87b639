package com.commerceinsight.apikit.training;

import java.util.function.IntSupplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.commerceinsight.apikit.limits.JobQueueAdmission;
import com.commerceinsight.apikit.limits.JobQueueLimits;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.apikit.paging.PageRequest;
import com.commerceinsight.apikit.security.Roles;

/**
 * The training jobs operations with the same shape, roles and limits in every ML service; a service's subclass gives
 * the {@code @Path} (its {@code /api/<service>/training-jobs}) and its queue. Staff read; only an ML engineer starts a
 * job, within the caller's "training" allowance and the queue's capacity.
 *
 * @param <V> the service's view of a job
 * @param <R> the service's training request
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class TrainingJobsResource<V, R> {

    private final TrainingJobQueue<V, R> jobs;
    private final JobQueueAdmission admission;
    private final IntSupplier maxPageSize;

    protected TrainingJobsResource(TrainingJobQueue<V, R> jobs, JobQueueLimits queue, IntSupplier maxPageSize) {
        this.jobs = jobs;
        this.admission = new JobQueueAdmission("training", queue);
        this.maxPageSize = maxPageSize;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("training")
    @Operation(summary = "Start a training job (202 with the job; follow its Location for progress and the report)",
            description = "503 with Retry-After while the service's training-queue capacity of jobs are queued or running; "
                    + "429 with Retry-After past the caller's rate limit.")
    @APIResponse(responseCode = "202", description = "The job, queued; its Location is where to follow it")
    @RolesAllowed(Roles.ML_ENGINEER)
    public Response start(@Valid R request, @Context UriInfo uri) {
        V job = admission.admit(jobs::pendingSince, () -> jobs.start(request));
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(jobs.idOf(job)).build()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A training job: status, progress (0 to 1) and, when done, its report")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public V job(@PathParam("id") String id) {
        return jobs.find(id);
    }

    @GET
    @Operation(summary = "Training jobs, newest first (size at most the service's max-page-size)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<V> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        return PageRequest.checked(page, size, maxPageSize.getAsInt()).within(jobs.list(page, size));
    }
}
