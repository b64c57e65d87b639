package com.commerceinsight.analytics.analyses.operations;

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

/** One category's cost of goods on one day (table {@code daily_category_cost}, written by {@link DailyCostRows}), read only. */
@Entity
@Immutable
@IdClass(DailyCategoryCost.Key.class)
@Table(schema = "commerce", name = "daily_category_cost")
public class DailyCategoryCost {

    @Id
    @Column(name = "movement_date")
    public LocalDate day;

    @Id
    @Column(name = "category_id")
    public long categoryId;

    /** Null when no product moved that day in the category has a list price. */
    public BigDecimal cost;

    public static class Key implements Serializable {
        public LocalDate day;
        public long categoryId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(day, k.day) && categoryId == k.categoryId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, categoryId);
        }
    }
}
