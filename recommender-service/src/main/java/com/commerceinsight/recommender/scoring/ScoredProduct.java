package com.commerceinsight.recommender.scoring;

/**
 * A recommended product column with its score and, for ALS, the customer's products that contribute most to it
 * (columns and contributions, largest first).
 */
public record ScoredProduct(int product, double score, int[] reasons, double[] contributions) {
}
