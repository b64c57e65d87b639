package com.commerceinsight.analytics.analyses.products;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Average review rating of a product")
public record ProductRating(long productId, String name,
        @Schema(description = "Mean of its review ratings (1-5) as a decimal, not truncated to an integer") double averageRating,
        @Schema(description = "Number of reviews averaged") long reviews) {
}
