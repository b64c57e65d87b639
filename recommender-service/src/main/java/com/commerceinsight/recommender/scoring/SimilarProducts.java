package com.commerceinsight.recommender.scoring;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Products bought by the same customers as a given one. */
@Schema(description = "Nearest products by co-purchase cosine similarity (item-item)")
public record SimilarProducts(long productId, String modelVersionId, List<RankedProduct> items) {
}
