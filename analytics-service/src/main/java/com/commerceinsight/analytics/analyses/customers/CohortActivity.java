package com.commerceinsight.analytics.analyses.customers;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

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

    public static class Key implements Serializable {
        public LocalDate cohortMonth;
        public LocalDate saleMonth;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cohortMonth, k.cohortMonth) && Objects.equals(saleMonth, k.saleMonth);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cohortMonth, saleMonth);
        }
    }
}
