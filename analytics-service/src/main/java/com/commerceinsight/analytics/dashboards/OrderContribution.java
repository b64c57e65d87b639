package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one order adds to the summaries: its keys (day placed, customer state and country, method of its first payment
 * attempt), its units and total, and per category the units and revenue of its lines there. Adding it with sign +1
 * files the order; -1 takes it out again.
 */
record OrderContribution(LocalDate day, String state, String country, String firstPaymentMethod, long units,
                         BigDecimal total, Map<Long, CategoryLines> categories) {

    /** The lines of one order in one category (0: products without a category). */
    record CategoryLines(long units, BigDecimal revenue) {
    }

    /** Whether the order was its customer's first (a new customer), a later one, or has no customer. */
    enum CustomerKind {
        FIRST("first_orders"), RETURNING("returning_orders"), ANONYMOUS(null);

        final String column;

        CustomerKind(String column) {
            this.column = column;
        }
    }

    /**
     * Files (sign +1) or takes out (-1) the order under a status, in the day rows and in the month rows, keyed and
     * category totals, and in the day's status row of the status breakdown.
     */
    void addTo(SummaryChange change, String status, CustomerKind kind, int sign) {
        change.addOrderStatus(day, status, total, sign);
        for (SummaryTable.Grain grain : SummaryTable.Grain.values()) {
            LocalDate date = grain.summaryDate(day);
            addFigures(change, new SummaryChange.Row(grain.orders, List.of(date, state, country, firstPaymentMethod)),
                    status, kind, sign, units, total);
            categories.forEach((category, lines) -> {
                addFigures(change, new SummaryChange.Row(grain.categories, List.of(date, category, state, country, firstPaymentMethod)),
                        status, kind, sign, lines.units(), lines.revenue());
                addFigures(change, new SummaryChange.Row(grain.categoryTotals, List.of(date, category)),
                        status, kind, sign, lines.units(), lines.revenue());
            });
        }
    }

    /** One payment attempt of this order, filed under the attempt's own method and its status, by day and by month. */
    void addPaymentTo(SummaryChange change, String method, String status, BigDecimal amount, int sign) {
        for (SummaryTable.Grain grain : SummaryTable.Grain.values()) {
            SummaryChange.Row row = new SummaryChange.Row(grain.payments, List.of(grain.summaryDate(day), state, country, method));
            change.add(row, status + "_attempts", sign);
            if (status.equals("succeeded") || status.equals("refunded")) {
                change.add(row, status + "_amount", amount.multiply(BigDecimal.valueOf(sign)));
            }
        }
    }

    private static void addFigures(SummaryChange change, SummaryChange.Row row, String status, CustomerKind kind, int sign,
                                   long units, BigDecimal revenue) {
        BigDecimal signedRevenue = revenue.multiply(BigDecimal.valueOf(sign));
        change.add(row, "orders", sign);
        if (kind.column != null) {
            change.add(row, kind.column, sign);
        }
        change.add(row, "units", sign * units);
        change.add(row, "revenue", signedRevenue);
        change.add(row, SummaryTable.OrderMeasures.statusColumn(status), sign);
        if (status.equals("cancelled")) {
            change.add(row, "cancelled_units", sign * units);
            change.add(row, "cancelled_revenue", signedRevenue);
        }
    }
}
