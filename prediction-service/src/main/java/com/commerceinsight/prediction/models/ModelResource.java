package com.commerceinsight.prediction.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import com.commerceinsight.prediction.limits.ApiLimits;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.prediction.paging.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The model registry: list, inspect and activate trained versions. */
@Path("/api/predictions/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model registry")
public class ModelResource {

    private final ModelRegistry registry;
    private final ApiLimits limits;
    private final ObjectMapper json;

    public ModelResource(ModelRegistry registry, ApiLimits limits, ObjectMapper json) {
        this.registry = registry;
        this.limits = limits;
        this.json = json;
    }

    @GET
    @Operation(summary = "Model versions, newest first, with their headline figures (size at most prediction.api.max-page-size)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<ModelView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) int size) {
        ParameterBounds.atMost("size", size, limits.maxPageSize());
        ParameterBounds.pageInRange(page, size);
        long total = registry.count();
        ParameterBounds.pageWithinTotal(page, size, total);
        return new Page<>(registry.page(page, size).stream().map(v -> view(v, false)).toList(), page, size, total);
    }

    @GET
    @Path("/active")
    @Operation(summary = "The version every replica serves (404 while none is active)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelView active() {
        return registry.activeId().flatMap(registry::find).map(v -> view(v, true))
                .orElseThrow(() -> new NotFoundException("no model version is active"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One version with its parameters, features and full evaluation")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelView inspect(@PathParam("id") long id) {
        return registry.find(id).map(v -> view(v, true)).orElseThrow(() -> new NotFoundException("no model version " + id));
    }

    @POST
    @Path("/{id}/activation")
    @RateLimited("activation")
    @Operation(summary = "Make this version the active one; every replica loads it within prediction.serving.refresh-interval")
    @RolesAllowed(Roles.ML_ENGINEER)
    public ModelView activate(@PathParam("id") long id) {
        return view(registry.activate(id), false);
    }

    private ModelView view(ModelVersion v, boolean details) {
        try {
            return new ModelView(v.id, v.algorithm, v.active, v.threshold, v.trainCutoff, v.testCutoff, v.horizonDays, v.cvRocAuc,
                    v.testRocAuc, v.createdAt, v.trainingJobId, details ? json.readTree(v.parameters) : null,
                    details ? json.readTree(v.features) : null, details ? json.readTree(v.evaluation) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model version " + v.id + " holds unreadable JSON", e);
        }
    }
}
