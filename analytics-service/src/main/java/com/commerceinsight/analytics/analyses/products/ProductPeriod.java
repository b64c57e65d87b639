package com.commerceinsight.analytics.analyses.products;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** The key of a kept product period row: the product, a day or a month, and its first day. */
@MappedSuperclass
public abstract class ProductPeriod {

    @Id
    @Column(name = "product_id")
    public long productId;

    /** D for a day, M for a month. */
    @Id
    @Column(name = "period_kind")
    public String periodKind;

    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;

    /** The primary key. */
    public record Key(long productId, String periodKind, LocalDate periodStart) implements Serializable {
    }
}
