package com.commerceinsight.prediction.models;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.models.ModelVersionsResource;
import com.commerceinsight.prediction.limits.ApiLimits;

/**
 * The model registry, with the operations every ML service shares (api-kit's {@link ModelVersionsResource}); a
 * version holds its parameters, features and full evaluation, and every replica loads the active one within
 * prediction.serving.refresh-interval.
 */
@Path("/api/predictions/models")
@Tag(name = "Model registry")
public class ModelResource extends ModelVersionsResource<ModelView> {

    public ModelResource(ModelVersionViews versions, ApiLimits limits) {
        super(versions, limits::maxPageSize);
    }
}
