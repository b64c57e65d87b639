package com.commerceinsight.analytics.analyses.returns;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.commerceinsight.analytics.analyses.PeriodRow;

/**
 * The returns of one reason of the orders placed in one day or month (table {@code return_reason_period}, written by
 * {@link com.commerceinsight.analytics.analyses.counts.ReturnReasonRows}), read only.
 */
@Entity
@Immutable
@IdClass(ReturnReasonPeriod.Key.class)
@Table(schema = "commerce", name = "return_reason_period")
public class ReturnReasonPeriod extends PeriodRow {

    /** Empty for a return without a reason. */
    @Id
    public String reason;

    public long returns;

    public long approved;

    /** The primary key. */
    public record Key(String periodKind, LocalDate periodStart, String reason) implements Serializable {
    }
}
