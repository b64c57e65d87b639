package com.commerceinsight.analytics.dashboards;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@Path("/api/analytics/dashboards/summary-rebuilds")
@Tag(name = "Dashboards", description = "Dashboard pages over the live daily summaries")
public class SummaryRebuildResource {

    private final SummaryRebuildJobs jobs;

    public SummaryRebuildResource(SummaryRebuildJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @RateLimited("jobs")
    @Operation(summary = "Recompute the daily summaries from the commerce tables",
            description = "Answers 202 with the job; poll its Location. Imports and generation rebuild on their own; "
                    + "this is for repairs. Run it while no orders arrive: orders committed during the rebuild may be "
                    + "counted twice or not at all until the next one.")
    @RolesAllowed(Roles.OPERATOR)
    public Response start() {
        SummaryRebuildJobs.RebuildJob job = jobs.start();
        return Response.accepted(job).location(URI.create("/api/analytics/dashboards/summary-rebuilds/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A summary rebuild: status, and rows written and time taken when done")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public SummaryRebuildJobs.RebuildJob job(@PathParam("id") String id) {
        return jobs.find(id);
    }
}
