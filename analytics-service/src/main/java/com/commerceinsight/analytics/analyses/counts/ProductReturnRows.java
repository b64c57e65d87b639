package com.commerceinsight.analytics.analyses.counts;

import java.util.List;

/**
 * commerce.product_period_returns: per product and UTC day or month placed (period_kind D, M), the returns of the
 * orders of kind sale placed in it that hold the product (a return is of a whole order, so it counts for every product
 * in it), so that a supplier's product list adds up a few rows per product instead of joining every return to its
 * order's lines. Like supplier_period_returns, only the summary rebuild writes it: only bulk loads write returns, and
 * each of them ends with the rebuild.
 */
public final class ProductReturnRows {

    public static final String TABLE = "commerce.product_period_returns";

    private ProductReturnRows() {
    }

    /** The statements of the rebuild (into an emptied table): the days, then the months. */
    public static List<String> rebuildAll() {
        return List.of("INSERT INTO " + TABLE + " (product_id, period_kind, period_start, returns)"
                        + " SELECT l.product_id, 'D', CAST(o.ordered_at AS DATE), COUNT(DISTINCT r.id)"
                        + " FROM commerce.order_return r JOIN commerce.orders o ON o.id = r.order_id"
                        + " JOIN commerce.order_line l ON l.order_id = o.id"
                        + " WHERE o.kind = 'sale' GROUP BY l.product_id, CAST(o.ordered_at AS DATE)",
                SupplierSalesRows.monthsOfDays(TABLE, "product_id", "returns"));
    }
}
