package com.commerceinsight.recommender.training;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.recommender.limits.ApiLimits;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.recommender.paging.Page;

@Path("/api/recommendations/training-jobs")
@Tag(name = "Training", description = "Training runs as jobs: validation search, test-window evaluation, a new model version")
public class TrainingJobResource {

    private final TrainingJobs jobs;
    private final TrainingAdmission admission;
    private final ApiLimits limits;

    public TrainingJobResource(TrainingJobs jobs, TrainingAdmission admission, ApiLimits limits) {
        this.jobs = jobs;
        this.admission = admission;
        this.limits = limits;
    }

    @POST
    @RateLimited("training")
    @Operation(summary = "Start a training job", description = "Reads the commerce signals, chooses ALS hyperparameters on "
            + "the validation window, measures ALS, item-item and popularity on the test window (T, T + H], and stores a "
            + "model trained on every signal as a new version. Answers 202; poll the Location for progress and the report. "
            + "503 with Retry-After while recommender.api.training-queue.capacity jobs are queued or running; 429 past the "
            + "caller's rate limit.")
    @RolesAllowed(Roles.ML_ENGINEER)
    public Response start(@Valid TrainingJobRequest request) {
        TrainingJobView job = admission.admit(() -> jobs.start(request, TrainingJob.Trigger.API));
        return Response.accepted(job).location(URI.create("/api/recommendations/training-jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A training job: status, progress (0 to 1), and the model version and report when done")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public TrainingJobView job(@PathParam("id") String id) {
        return jobs.find(id);
    }

    @GET
    @Operation(summary = "Training jobs, newest first")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<TrainingJobView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        ParameterBounds.atMost("size", size, limits.maxPageSize());
        ParameterBounds.pageInRange(page, size);
        Page<TrainingJobView> list = jobs.list(page, size);
        ParameterBounds.pageWithinTotal(page, size, list.total());
        return list;
    }
}
