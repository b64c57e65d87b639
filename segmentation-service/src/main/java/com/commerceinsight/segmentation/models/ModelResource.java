package com.commerceinsight.segmentation.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.segmentation.limits.ApiLimits;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.segmentation.paging.Page;

/** The model versions, with the same shape as the other ML services': list, active, one, activation. */
@Path("/api/segments/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models", description = "Trained segmentation versions; one is active and every replica assigns with it")
public class ModelResource {

    private final ModelRegistry registry;
    private final ApiLimits limits;

    public ModelResource(ModelRegistry registry, ApiLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "Model versions, newest first (without their reports; size at most segmentation.api.max-page-size)")
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
    @Operation(summary = "The version every replica assigns with (404 while none is trained)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelVersionView active() {
        return registry.active();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One version with its training report")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelVersionView version(@PathParam("id") long id) {
        return registry.find(id);
    }

    @POST
    @Path("/{id}/activation")
    @RateLimited("activation")
    @Operation(summary = "Make this version the active one", description = "Every customer is reassigned with it in the same "
            + "transaction, from the purchase summaries kept now.")
    @RolesAllowed(Roles.ML_ENGINEER)
    public ModelVersionView activate(@PathParam("id") long id) {
        return registry.activate(id);
    }
}
