package com.commerceinsight.recommender.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.models.ModelVersionsResource;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.recommender.limits.ApiLimits;

/**
 * The recommender versions, with the operations every ML service shares (api-kit's {@link ModelVersionsResource}); a
 * version's report holds the validation search and the test-window metrics of ALS, item-item and popularity.
 */
@Path("/api/recommendations/models")
@Tag(name = "Models", description = "Trained recommender versions; one is active and served by every replica")
public class ModelResource extends ModelVersionsResource<ModelVersionView> {

    public ModelResource(ModelRegistry registry, ApiLimits limits) {
        super(registry, limits::maxPageSize);
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
