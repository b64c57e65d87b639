package com.commerceinsight.analytics.analyses.products;

/**
 * commerce.product_rating: per product, its reviews and the sum of their ratings, so that the ratings analysis reads
 * one row per product instead of grouping every review. Only bulk loads write reviews, and each of them ends with the
 * summary rebuild, which recomputes this table.
 */
public final class ProductRatingRows {

    public static final String TABLE = "commerce.product_rating";

    private ProductRatingRows() {
    }

    /** The statement of the rebuild (into an emptied table). */
    public static String rebuildAll() {
        return "INSERT INTO " + TABLE + " (product_id, reviews, rating_total)"
                + " SELECT r.product_id, COUNT(*), SUM(r.rating) FROM commerce.review r WHERE r.product_id IS NOT NULL GROUP BY r.product_id";
    }
}
