package com.commerceinsight.recommender.als;

/** A trained factorisation: one vector per customer (row) and per product (column) of the interaction matrix. */
public record AlsFactors(FactorMatrix users, FactorMatrix items) {

    /** The predicted preference of a customer for a product: the dot product of their vectors. */
    public double score(int user, int item) {
        return users.dot(user, items.row(item));
    }
}
