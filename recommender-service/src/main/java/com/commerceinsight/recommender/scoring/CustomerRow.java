package com.commerceinsight.recommender.scoring;

/**
 * What serving knows of one customer: the product columns they have signals for with their strengths, the
 * columns they bought (filtered from their lists), and their ALS vector.
 */
public record CustomerRow(int[] products, float[] strength, int[] bought, float[] vector) {
}
