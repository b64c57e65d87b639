package com.commerceinsight.recommender.training;

import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.evaluation.ModelMetrics;

/** One hyperparameter combination and its quality on the validation window. */
public record CandidateScore(AlsParams params, ModelMetrics validation) {
}
