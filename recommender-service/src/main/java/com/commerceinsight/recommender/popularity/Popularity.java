package com.commerceinsight.recommender.popularity;

import com.commerceinsight.recommender.als.CsrMatrix;

/** The baseline and the cold-start answer: products ranked by how many customers bought them. */
public final class Popularity {

    private final double[] buyers;

    public Popularity(double[] buyers) {
        this.buyers = buyers;
    }

    public static Popularity fit(CsrMatrix userItems) {
        double[] buyers = new double[userItems.cols()];
        for (int e = 0; e < userItems.nonZeros(); e++) {
            buyers[userItems.column(e)]++;
        }
        return new Popularity(buyers);
    }

    /** Customers who interacted with each product, by product index; shared, not copied. */
    public double[] buyers() {
        return buyers;
    }
}
