package com.commerceinsight.segmentation.training;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.training.TrainingJobsResource;
import com.commerceinsight.segmentation.limits.ApiLimits;

/**
 * Training jobs, with the operations every ML service shares (api-kit's {@link TrainingJobsResource}): a job trains a
 * model on the commerce snapshot and activates it; its capacity is segmentation.api.training-queue.capacity.
 */
@Path("/api/segments/training-jobs")
@Tag(name = "Training")
public class TrainingJobResource extends TrainingJobsResource<TrainingJobView, TrainingRequest> {

    public TrainingJobResource(TrainingJobs jobs, ApiLimits limits) {
        super(jobs, limits.trainingQueue(), limits::maxPageSize);
    }
}
