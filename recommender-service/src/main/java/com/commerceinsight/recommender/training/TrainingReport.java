package com.commerceinsight.recommender.training;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.evaluation.ModelMetrics;

/** What a training run measured: the validation search, the test-window quality of the three models and of
 * buy-again, the data sizes. */
@Schema(description = "Validation search, test-window quality of ALS, item-item and popularity, and data sizes")
public record TrainingReport(
        @Schema(description = "T: evaluation models learned from signals before it") Instant cutoff,
        @Schema(description = "H: the test window is (T, T + H]") int horizonDays,
        @Schema(description = "start of the validation window (T − V); hyperparameters were chosen on (T − V, T]") Instant validationFrom,
        @Schema(description = "end of the served model's training data: every signal before it") Instant trainedUntil,
        @Schema(description = "customers in the served model") int customers,
        @Schema(description = "products in the served model") int products,
        @Schema(description = "customer-product pairs with a signal in the served model") int interactions,
        @Schema(description = "every hyperparameter combination tried, with its validation metrics") List<CandidateScore> candidates,
        @Schema(description = "the combination chosen (best validation NDCG@k)") AlsParams chosen,
        @Schema(description = "test-window metrics of ALS, item-item and popularity trained before T") List<ModelMetrics> test,
        @Schema(description = "buy-again on the test window: each ranking of the customers' purchases before T against "
                + "their re-purchases in (T, T + H], over the customers with at least one; absent in reports from before it")
        List<ModelMetrics> buyAgain,
        @Schema(description = "median wall time of one ALS sweep of the served model, seconds") double secondsPerSweep) {
}
