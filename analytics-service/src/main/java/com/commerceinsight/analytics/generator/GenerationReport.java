package com.commerceinsight.analytics.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one generation run.
 *
 * @param rowsPerTable rows inserted per commerce table, in insert order
 * @param orders       the orders actually generated (Poisson around {@code targetOrders})
 */
public record GenerationReport(Map<String, Long> rowsPerTable, long totalRows, long targetOrders, long orders,
                               long customers, long elapsedMillis, double rowsPerSecond, double ordersPerSecond) {

    static GenerationReport of(Map<String, Long> rowsPerTable, long targetOrders, long orders, long customers, long elapsedMillis) {
        long totalRows = rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.max(elapsedMillis, 1) / 1000.0;
        return new GenerationReport(Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable)), totalRows, targetOrders, orders, customers, elapsedMillis,
                totalRows / seconds, orders / seconds);
    }
}
