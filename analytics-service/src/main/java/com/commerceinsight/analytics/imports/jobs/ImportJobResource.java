package com.commerceinsight.analytics.imports.jobs;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.imports.ImportRunner;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@Path("/api/analytics/imports")
@Tag(name = "Imports", description = "Bulk import of real data sets as jobs")
public class ImportJobResource {

    private final ImportJobService jobs;
    private final ImportRunner runner;

    public ImportJobResource(ImportJobService jobs, ImportRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    @POST
    @RateLimited("jobs")
    @Operation(summary = "Start an import job", description = "Imports a file or folder from the service's import "
            + "directory. Answers 202 with the job; poll its Location for progress and the final report.")
    @RolesAllowed(Roles.OPERATOR)
    public Response start(@Valid @NotNull ImportJobRequest request) {
        ImportJobView job = jobs.start(request);
        return Response.accepted(job).location(URI.create("/api/analytics/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job: status, records read / loaded / rejected so far, and the report when done")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ImportJobView job(@PathParam("id") String id) {
        return jobs.find(id);
    }

    @GET
    @Operation(summary = "Import jobs, newest first")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<ImportJobView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return jobs.list(page, size);
    }

    @GET
    @Path("/formats")
    @Operation(summary = "The data set layouts the importer reads")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public List<String> formats() {
        return runner.formats();
    }
}
