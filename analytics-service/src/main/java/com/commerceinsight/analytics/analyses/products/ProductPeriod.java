package com.commerceinsight.analytics.analyses.products;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import com.commerceinsight.analytics.analyses.PeriodRow;

/** The key of a kept product period row: the product, a day or a month, and its first day. */
@MappedSuperclass
public abstract class ProductPeriod extends PeriodRow {

    @Id
    @Column(name = "product_id")
    public long productId;

    /** The primary key. */
    public record Key(long productId, String periodKind, LocalDate periodStart) implements Serializable {
    }
}
