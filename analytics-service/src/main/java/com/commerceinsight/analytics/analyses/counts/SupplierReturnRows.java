package com.commerceinsight.analytics.analyses.counts;

import java.util.List;

/**
 * commerce.supplier_period_returns: per UTC day and per month placed (period_kind D, M) and supplier, the returns of
 * the orders of kind sale placed in it that hold one of its products (a return is of a whole order, so it counts for
 * every supplier in it), so that the supplier list adds up a few rows per supplier instead of joining every return to
 * its order's lines. An order is of one day, so a range's distinct returns are the sum of its periods'. Only bulk loads
 * write returns or set a product's supplier, and each of them ends with the summary rebuild, which recomputes this
 * table; no order, status or payment change touches it (a return counts whatever its order's status).
 */
public final class SupplierReturnRows {

    public static final String TABLE = "commerce.supplier_period_returns";

    private SupplierReturnRows() {
    }

    /** The statements of the rebuild (into an emptied table): the days, then the months. */
    public static List<String> rebuildAll() {
        return List.of("INSERT INTO " + TABLE + " (period_kind, period_start, supplier_id, returns)"
                        + " SELECT 'D', CAST(o.ordered_at AS DATE), p.supplier_id, COUNT(DISTINCT r.id)"
                        + " FROM commerce.order_return r JOIN commerce.orders o ON o.id = r.order_id"
                        + " JOIN commerce.order_line l ON l.order_id = o.id JOIN commerce.product p ON p.id = l.product_id"
                        + " WHERE o.kind = 'sale' AND p.supplier_id IS NOT NULL GROUP BY CAST(o.ordered_at AS DATE), p.supplier_id",
                SupplierSalesRows.monthsOfDays(TABLE, "supplier_id", "returns"));
    }
}
