package com.commerceinsight.analytics.analyses.baskets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Two products bought in the same sales orders (association rule measures over the N sales orders under the filters)")
public record ProductPair(
        @Schema(description = "The pair's lower product id") long productA,
        @Schema(description = "The pair's higher product id") long productB,
        @Schema(description = "Distinct sales orders holding both") long orders,
        @Schema(description = "orders / N") double support,
        @Schema(description = "orders / orders holding A: P(B | A)") double confidenceAToB,
        @Schema(description = "orders / orders holding B: P(A | B)") double confidenceBToA,
        @Schema(description = "support / (support(A) x support(B)); above 1 = bought together more than by chance") double lift) {
}
