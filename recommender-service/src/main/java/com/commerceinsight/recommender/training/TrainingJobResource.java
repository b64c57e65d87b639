package com.commerceinsight.recommender.training;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.training.TrainingJobsResource;
import com.commerceinsight.recommender.limits.ApiLimits;

/**
 * Training jobs, with the operations every ML service shares (api-kit's {@link TrainingJobsResource}). A job reads the
 * commerce signals, chooses ALS hyperparameters on the validation window, measures ALS, item-item and popularity on
 * the test window (T, T + H], and stores a model trained on every signal as a new version; its capacity is
 * recommender.api.training-queue.capacity.
 */
@Path("/api/recommendations/training-jobs")
@Tag(name = "Training", description = "Training runs as jobs: validation search, test-window evaluation, a new model version")
public class TrainingJobResource extends TrainingJobsResource<TrainingJobView, TrainingJobRequest> {

    public TrainingJobResource(TrainingJobs jobs, ApiLimits limits) {
        super(jobs, limits.trainingQueue(), limits::maxPageSize);
    }
}
