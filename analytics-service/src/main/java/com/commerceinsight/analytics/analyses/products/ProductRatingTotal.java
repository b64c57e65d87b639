package com.commerceinsight.analytics.analyses.products;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A product's reviews and rating sum (table {@code product_rating}, written by {@link ProductRatingRows}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "product_rating")
public class ProductRatingTotal {

    @Id
    @Column(name = "product_id")
    public Long productId;

    public long reviews;

    @Column(name = "rating_total")
    public long ratingTotal;
}
