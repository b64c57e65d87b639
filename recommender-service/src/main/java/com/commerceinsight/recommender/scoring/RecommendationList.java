package com.commerceinsight.recommender.scoring;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's recommendations. */
@Schema(description = "Top-k products for a customer")
public record RecommendationList(
        long customerId,
        String modelVersionId,
        @Schema(description = "als (the customer's own vector), popular-in-categories (cold start within the categories the "
                + "customer bought from) or popular (cold start, nothing known)") String source,
        List<RankedProduct> items) {
}
