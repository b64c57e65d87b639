package com.commerceinsight.recommender.scoring;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One product in a ranked list. */
@Schema(description = "A product in a ranked list")
public record RankedProduct(
        long productId,
        Long categoryId,
        @Schema(description = "ALS: predicted preference x_uᵀy_i (about 0 to 1, comparable within a list); similar products: "
                + "co-purchase cosine (0 to 1); popular products: customers who bought it in the training data") double score,
        @Schema(description = "ALS only: the customer's products that contribute most to the score, largest first") List<Reason> reasons) {

    /** A product of the customer and its share of the score (c_ui · y_jᵀA_u⁻¹y_i; the shares of all products sum to the score). */
    public record Reason(long productId, double contribution) {
    }
}
