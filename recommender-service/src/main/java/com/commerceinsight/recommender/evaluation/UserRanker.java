package com.commerceinsight.recommender.evaluation;

/** A model under evaluation: the top k product columns for a customer row, already-bought products left out. */
@FunctionalInterface
public interface UserRanker {
    int[] recommend(int customer, int k);
}
