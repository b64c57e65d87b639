package com.commerceinsight.analytics.suppliers;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import com.commerceinsight.analytics.analyses.PeriodRow;

/** The key of a kept supplier period row: a day or a month, its first day, and the supplier. */
@MappedSuperclass
public abstract class SupplierPeriod extends PeriodRow {

    @Id
    @Column(name = "supplier_id")
    public long supplierId;

    /** The primary key. */
    public record Key(String periodKind, LocalDate periodStart, long supplierId) implements Serializable {
    }
}
