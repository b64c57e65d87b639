package com.commerceinsight.analytics.imports.olist;

import java.util.HashMap;
import java.util.Map;

/**
 * External refs of Olist reviews. Olist reuses a review_id for several orders, but review.external_ref is unique
 * per data source and holds 64 characters, too few for review_id + "/" + order_id (32 + 1 + 32). So the first
 * review row of a review_id gets the bare review_id and each later one review_id + "/" + n, n = 2, 3, ... in the
 * order the rows are loaded.
 */
final class ReviewRefs {

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The ref for the next review row of this review_id; call only for a row that is written. */
    String next(String reviewId) {
        int occurrence = occurrences.merge(reviewId, 1, Integer::sum);
        return occurrence == 1 ? reviewId : reviewId + "/" + occurrence;
    }
}
