package com.commerceinsight.analytics.analyses.facts;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A product on a customer's wishlist (table {@code wishlist_item}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "wishlist_item")
public class WishlistEntry {

    @Id
    public Long id;

    @Column(name = "customer_id")
    public long customerId;

    @Column(name = "product_id")
    public long productId;

    @Column(name = "added_at")
    public LocalDateTime addedAt;
}
