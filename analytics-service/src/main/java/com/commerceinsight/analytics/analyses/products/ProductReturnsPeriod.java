package com.commerceinsight.analytics.analyses.products;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The returns of the orders holding one product placed in one day or month (table {@code product_period_returns},
 * written by {@link com.commerceinsight.analytics.analyses.counts.ProductReturnRows}), read only.
 */
@Entity
@Immutable
@IdClass(ProductPeriod.Key.class)
@Table(schema = "commerce", name = "product_period_returns")
public class ProductReturnsPeriod extends ProductPeriod {

    public long returns;
}
