package com.commerceinsight.analytics.analyses.customers;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A cohort's customers buying in one month (table {@code cohort_activity}, written by {@link CustomerPeriodRows}), read only. */
@Entity
@Immutable
@IdClass(CohortActivity.Key.class)
@Table(schema = "commerce", name = "cohort_activity")
public class CohortActivity {

    @Id
    @Column(name = "cohort_month")
    public LocalDate cohortMonth;

    @Id
    @Column(name = "sale_month")
    public LocalDate saleMonth;

    public long customers;

    public BigDecimal revenue;

    /** The primary key. */
    public record Key(LocalDate cohortMonth, LocalDate saleMonth) implements Serializable {
    }
}
