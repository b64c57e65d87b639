package com.commerceinsight.analytics.analyses;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row of a table kept per period ({@link KeptPeriods}): the period's kind and first day, which begin its key (an
 * entity adds the rest of its key, if any, and names its {@code IdClass}).
 */
@MappedSuperclass
public abstract class PeriodRow {

    /** D for a day, W for a week (from Monday), M for a month. */
    @Id
    @Column(name = "period_kind")
    public String periodKind;

    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;
}
