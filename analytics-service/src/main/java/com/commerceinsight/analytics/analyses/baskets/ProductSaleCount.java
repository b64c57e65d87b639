package com.commerceinsight.analytics.analyses.baskets;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The sales holding a product, their units and revenue (table {@code product_sale_count}, written by {@link PairCountRows}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "product_sale_count")
public class ProductSaleCount {

    @Id
    @Column(name = "product_id")
    public Long productId;

    public long orders;

    public long units;

    public BigDecimal revenue;
}
