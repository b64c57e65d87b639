package com.commerceinsight.analytics.analyses.operations;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

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

    /** The primary key. */
    public record Key(LocalDate day, long categoryId) implements Serializable {
    }
}
