package com.commerceinsight.recommender.signals;

/** The kinds of implicit feedback the recommender learns from. */
public enum SignalKind {
    /** An order line of a sale (not a cancellation note). */
    PURCHASE,
    /** A product added to a wishlist. */
    WISHLIST,
    /** A review of a product, with its rating. */
    REVIEW
}
