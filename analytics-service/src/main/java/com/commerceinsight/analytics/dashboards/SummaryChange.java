package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.analytics.analyses.counts.FulfilmentRows;
import com.commerceinsight.analytics.analyses.counts.OrderStatusRows;

/**
 * The additions one order change makes to summary rows (and the customers whose sales row it recomputes), merged per row: a status change is "take the order's
 * contribution out of the old status, put it into the new one", and what does not differ cancels out. The writer
 * ({@link SummaryRowWriter}) writes the rows in one global order (table, then key), so concurrent changes lock summary
 * rows in the same order and cannot deadlock on them.
 */
final class SummaryChange {

    /** One summary row: its table and its key values, in the table's key column order. */
    record Row(SummaryTable table, List<Object> key) {
    }

    /**
     * Where a row's additions gather: the table and the key's text, made once per addition (a sorted map that compared
     * rows by their text, making two strings per comparison, was a fifth of the order projector's CPU under load).
     */
    private record Slot(int table, String key) {
        static Slot of(Row row) {
            return new Slot(row.table().ordinal(), row.key().toString());
        }
    }

    /** A row as first added, and its additions per column. */
    private record Additions(Row row, Map<String, BigDecimal> columns) {
    }

    private final Map<Slot, Additions> deltas = new HashMap<>();
    /** Customers whose customer_sales row is to be recomputed ({@link CustomerSalesRows}), in id order. */
    private final Set<Long> customerSales = new TreeSet<>();
    /** Orders whose fulfilment times are to be worked out again ({@link FulfilmentRows}), in id order. */
    private final Set<Long> fulfilmentOrders = new TreeSet<>();
    /** The orders per day and status of the status breakdown ({@link OrderStatusRows}). */
    private final DeltaRows orderStatuses = OrderStatusRows.change();

    void add(Row row, String column, BigDecimal amount) {
        if (!row.table().measureColumns.contains(column)) {
            throw new IllegalArgumentException(row.table() + " has no measure " + column);
        }
        deltas.computeIfAbsent(Slot.of(row), slot -> new Additions(row, new LinkedHashMap<>())).columns()
                .merge(column, amount, BigDecimal::add);
    }

    void add(Row row, String column, long amount) {
        add(row, column, BigDecimal.valueOf(amount));
    }

    /** The customer's sales (count, amount, first, second, last) may have changed: recompute their row. */
    void recomputeCustomerSales(long customerId) {
        customerSales.add(customerId);
    }

    Set<Long> customerSales() {
        return customerSales;
    }

    /** The order's status or payments changed: its times to shipment and delivery, or whether it is a sale, may have. */
    void recomputeFulfilment(long orderId) {
        fulfilmentOrders.add(orderId);
    }

    Set<Long> fulfilmentOrders() {
        return fulfilmentOrders;
    }

    void addOrderStatus(LocalDate day, String status, BigDecimal total, int sign) {
        OrderStatusRows.add(orderStatuses, day, status, total, sign);
    }

    DeltaRows orderStatuses() {
        return orderStatuses;
    }

    /** The rows to change with their non-zero additions, in no particular order. */
    Map<Row, Map<String, BigDecimal>> nonZero() {
        Map<Row, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        for (Additions additions : deltas.values()) {
            Map<String, BigDecimal> kept = new LinkedHashMap<>();
            additions.columns().forEach((column, amount) -> {
                if (amount.signum() != 0) {
                    kept.put(column, amount);
                }
            });
            if (!kept.isEmpty()) {
                result.put(additions.row(), kept);
            }
        }
        return result;
    }
}
