package com.commerceinsight.analytics.suppliers;

import java.time.LocalDate;
import java.util.ArrayList;
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
        List<HqlConditions> parts = new ArrayList<>();
        WholeMonths months = WholeMonths.within(from, to);
        if (months == null) {
            parts.add(days(supplierId).addIfSet("d.periodStart >= :from", "from", from).addIfSet("d.periodStart <= :to", "to", to));
            return parts;
        }
        parts.add(ofSupplier(supplierId).add("d.periodKind = 'M'").addIfSet("d.periodStart >= :firstMonth", "firstMonth", months.first())
                .addIfSet("d.periodStart <= :lastMonth", "lastMonth", months.last()));
        if (from != null && from.isBefore(months.first())) {
            parts.add(days(supplierId).addIfSet("d.periodStart >= :from", "from", from)
                    .addIfSet("d.periodStart < :firstMonth", "firstMonth", months.first()));
        }
        if (to != null && to.isAfter(months.lastDay())) {
            parts.add(days(supplierId).addIfSet("d.periodStart > :lastDay", "lastDay", months.lastDay())
                    .addIfSet("d.periodStart <= :to", "to", to));
        }
        return parts;
    }

    private static HqlConditions days(Long supplierId) {
        return ofSupplier(supplierId).add("d.periodKind = 'D'");
    }

    private static HqlConditions ofSupplier(Long supplierId) {
        return new HqlConditions().addIfSet("d.supplierId = :supplierId", "supplierId", supplierId);
    }
}
