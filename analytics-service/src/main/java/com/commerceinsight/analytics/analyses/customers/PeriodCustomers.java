package com.commerceinsight.analytics.analyses.customers;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.commerceinsight.analytics.analyses.PeriodRow;

/** The customers buying in one period (table {@code period_customers}, written by {@link CustomerPeriodRows}), read only. */
@Entity
@Immutable
@IdClass(PeriodCustomers.Key.class)
@Table(schema = "commerce", name = "period_customers")
public class PeriodCustomers extends PeriodRow {

    public long customers;

    @Column(name = "new_customers")
    public long newCustomers;

    @Column(name = "new_revenue")
    public BigDecimal newRevenue;

    @Column(name = "returning_revenue")
    public BigDecimal returningRevenue;

    /** The primary key. */
    public record Key(String periodKind, LocalDate periodStart) implements Serializable {
    }
}
