package com.commerceinsight.segmentation.models;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.models.ModelVersionsResource;
import com.commerceinsight.segmentation.limits.ApiLimits;

/**
 * The segmentation versions, with the operations every ML service shares (api-kit's {@link ModelVersionsResource}).
 * Activating a version reassigns every customer with it in the same transaction, from the purchase summaries kept now.
 */
@Path("/api/segments/models")
@Tag(name = "Models", description = "Trained segmentation versions; one is active and every replica assigns with it")
public class ModelResource extends ModelVersionsResource<ModelVersionView> {

    public ModelResource(ModelRegistry registry, ApiLimits limits) {
        super(registry, limits::maxPageSize);
    }
}
