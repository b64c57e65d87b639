package com.commerceinsight.apikit.models;

import java.util.function.IntSupplier;

import jakarta.annotation.security.RolesAllowed;
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

import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.apikit.paging.PageRequest;
import com.commerceinsight.apikit.security.Roles;

/**
 * The model versions operations with the same shape, roles and limits in every ML service; a service's subclass gives
 * the {@code @Path} (its {@code /api/<service>/models}) and its registry. Staff read; only an ML engineer activates,
 * within the caller's "activation" allowance.
 *
 * @param <V> the service's view of a version
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ModelVersionsResource<V> {

    private final ModelVersions<V> versions;
    private final IntSupplier maxPageSize;

    protected ModelVersionsResource(ModelVersions<V> versions, IntSupplier maxPageSize) {
        this.versions = versions;
        this.maxPageSize = maxPageSize;
    }

    @GET
    @Operation(summary = "Model versions, newest first, without their reports (size at most the service's max-page-size)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<V> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        return PageRequest.checked(page, size, maxPageSize.getAsInt()).within(versions.list(page, size));
    }

    @GET
    @Path("/active")
    @Operation(summary = "The version every replica serves (404 while none is active)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public V active() {
        return versions.active();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One version with its training report")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public V version(@PathParam("id") String id) {
        return versions.find(id);
    }

    @POST
    @Path("/{id}/activation")
    @RateLimited("activation")
    @Operation(summary = "Make this version the only active one", description = "This replica serves it at once, the "
            + "others within the service's serving refresh interval; 429 with Retry-After past the caller's allowance.")
    @RolesAllowed(Roles.ML_ENGINEER)
    public V activate(@PathParam("id") String id) {
        return versions.activate(id);
    }
}
