package com.commerceinsight.analytics.analyses.counts;

/**
 * commerce.product_wishlist_count: per product on at least one wishlist, its wishlist entries, so that wishlist
 * suggestions page through the most wished products on an index instead of grouping every entry. Only the summary
 * rebuild writes it: only bulk loads write wishlists, and each of them ends with the rebuild.
 */
public final class WishlistCountRows {

    public static final String TABLE = "commerce.product_wishlist_count";

    /** The statement of the rebuild (into an emptied table). */
    public static final String REBUILD = "INSERT INTO " + TABLE + " (product_id, wishes)"
            + " SELECT product_id, COUNT(*) FROM commerce.wishlist_item GROUP BY product_id";

    private WishlistCountRows() {
    }
}
