package com.commerceinsight.analytics.analyses.products;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One product's sales in one day or month (table {@code product_period_sales}, written by
 * {@link com.commerceinsight.analytics.analyses.counts.ProductSalesRows}), read only.
 */
@Entity
@Immutable
@IdClass(ProductPeriod.Key.class)
@Table(schema = "commerce", name = "product_period_sales")
public class ProductSalesPeriod extends ProductPeriod {

    public long orders;

    public long units;

    public BigDecimal revenue;
}
