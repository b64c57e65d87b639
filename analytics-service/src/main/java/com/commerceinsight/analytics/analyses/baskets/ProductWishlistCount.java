package com.commerceinsight.analytics.analyses.baskets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One product's wishlist entries (table {@code product_wishlist_count}, written by
 * {@link com.commerceinsight.analytics.analyses.counts.WishlistCountRows}), read only.
 */
@Entity
@Immutable
@Table(schema = "commerce", name = "product_wishlist_count")
public class ProductWishlistCount {

    @Id
    @Column(name = "product_id")
    public long productId;

    public long wishes;
}
