package com.commerceinsight.analytics.suppliers;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The returns of one supplier's orders placed in one day or month (table {@code supplier_period_returns}, written by
 * {@link com.commerceinsight.analytics.analyses.counts.SupplierReturnRows}), read only.
 */
@Entity
@Immutable
@IdClass(SupplierPeriod.Key.class)
@Table(schema = "commerce", name = "supplier_period_returns")
public class SupplierReturnsPeriod extends SupplierPeriod {

    public long returns;
}
