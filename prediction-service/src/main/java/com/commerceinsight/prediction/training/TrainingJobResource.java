package com.commerceinsight.prediction.training;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.training.TrainingJobsResource;
import com.commerceinsight.prediction.limits.ApiLimits;

/**
 * Training jobs, with the operations every ML service shares (api-kit's {@link TrainingJobsResource}): a job trains
 * and evaluates the repurchase models; its capacity is prediction.api.training-queue.capacity.
 */
@Path("/api/predictions/training-jobs")
@Tag(name = "Training")
public class TrainingJobResource extends TrainingJobsResource<TrainingJobView, TrainingRequest> {

    public TrainingJobResource(TrainingJobViews jobs, ApiLimits limits) {
        super(jobs, limits.trainingQueue(), limits::maxPageSize);
    }
}
