package com.commerceinsight.analytics.suppliers;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** The key of a kept supplier period row: a day or a month, its first day, and the supplier. */
@MappedSuperclass
public abstract class SupplierPeriod {

    /** D for a day, M for a month. */
    @Id
    @Column(name = "period_kind")
    public String periodKind;

    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;

    @Id
    @Column(name = "supplier_id")
    public long supplierId;

    /** The primary key. */
    public record Key(String periodKind, LocalDate periodStart, long supplierId) implements Serializable {
    }
}
