package com.commerceinsight.analytics.suppliers;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One supplier's sales in one day or month (table {@code supplier_period_sales}, written by
 * {@link com.commerceinsight.analytics.analyses.counts.SupplierSalesRows}), read only.
 */
@Entity
@Immutable
@IdClass(SupplierPeriod.Key.class)
@Table(schema = "commerce", name = "supplier_period_sales")
public class SupplierSalesPeriod extends SupplierPeriod {

    public long orders;

    public long units;

    public BigDecimal revenue;
}
