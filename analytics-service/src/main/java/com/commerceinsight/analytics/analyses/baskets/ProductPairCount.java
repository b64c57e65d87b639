package com.commerceinsight.analytics.analyses.baskets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The sales holding both products of a pair (table {@code product_pair_sales}, written by {@link PairCountRows}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "product_pair_sales")
@IdClass(ProductPairCount.Key.class)
public class ProductPairCount {

    /** The lower product id. */
    @Id
    @Column(name = "product_a")
    public long productA;

    @Id
    @Column(name = "product_b")
    public long productB;

    public long orders;

    public record Key(long productA, long productB) {
    }
}
