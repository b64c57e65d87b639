package com.commerceinsight.analytics.suppliers;

import java.time.LocalDate;
import java.util.List;

import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.dashboards.WholeMonths;

/**
 * The kept supplier period rows (alias {@code d}: {@link SupplierSalesPeriod}, {@link SupplierReturnsPeriod}) that
 * add up to a range of days: the month rows of the months wholly inside it, and the day rows of the partial months at
 * its edges, each set a range of the primary key (kind, start, supplier). An unbounded range reads month rows only.
 */
final class SupplierPeriods {

    private SupplierPeriods() {
    }

    /** The conditions of each set of rows, every one of them restricted to the supplier when it is given. */
    static List<HqlConditions> of(LocalDate from, LocalDate to, Long supplierId) {
        return WholeMonths.spans(from, to).stream()
                .map(span -> new HqlConditions().addIfSet("d.supplierId = :supplierId", "supplierId", supplierId)
                        .add(span.months() ? "d.periodKind = 'M'" : "d.periodKind = 'D'")
                        .addIfSet("d.periodStart >= :from", "from", span.from())
                        .addIfSet("d.periodStart <= :to", "to", span.to()))
                .toList();
    }
}
