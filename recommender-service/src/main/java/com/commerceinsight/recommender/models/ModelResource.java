package com.commerceinsight.recommender.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.recommender.limits.ApiLimits;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.recommender.paging.Page;

@Path("/api/recommendations/models")
@Tag(name = "Models", description = "Trained recommender versions; one is active and served by every replica")
public class ModelResource {

    private final ModelRegistry registry;
    private final ApiLimits limits;

    public ModelResource(ModelRegistry registry, ApiLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "Model versions, newest first (without their reports)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<ModelVersionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        ParameterBounds.atMost("size", size, limits.maxPageSize());
        ParameterBounds.pageInRange(page, size);
        Page<ModelVersionView> versions = registry.list(page, size);
        ParameterBounds.pageWithinTotal(page, size, versions.total());
        return versions;
    }

    @GET
    @Path("/active")
    @Operation(summary = "The version every replica serves (404 while none is active)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelVersionView active() {
        return registry.active();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A model version with its training report: validation search and test-window metrics of ALS, item-item and popularity")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelVersionView version(@PathParam("id") String id) {
        return registry.find(id);
    }

    @POST
    @Path("/{id}/activation")
    @RateLimited("activation")
    @Operation(summary = "Activate a model version", description = "The version becomes the only active one; this replica "
            + "serves it at once, the others within recommender.serving.refresh-interval.")
    @RolesAllowed(Roles.ML_ENGINEER)
    public ModelVersionView activate(@PathParam("id") String id) {
        return registry.activate(id);
    }

    /**
     * The path of the previous release, kept for one release: 308 keeps the method and body, so a client that follows
     * redirects activates through the new path; one that does not sees where it moved.
     */
    @POST
    @Path("/{id}/activate")
    @Deprecated(forRemoval = true)
    @Operation(summary = "Moved to POST /api/recommendations/models/{id}/activation (308)", deprecated = true)
    @RolesAllowed(Roles.ML_ENGINEER)
    public Response activateMoved(@PathParam("id") String id, @Context UriInfo uri) {
        return Response.status(Response.Status.PERMANENT_REDIRECT)
                .location(uri.getBaseUriBuilder().path(ModelResource.class).path("{id}").path("activation").build(id)).build();
    }
}
