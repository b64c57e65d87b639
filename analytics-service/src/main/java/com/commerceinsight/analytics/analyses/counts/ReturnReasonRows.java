package com.commerceinsight.analytics.analyses.counts;

import java.util.List;

/**
 * commerce.return_reason_period: per UTC day and month placed (period_kind D, M) and reason (empty when none was
 * given), the returns of the orders of kind sale placed in it and those approved, so that returns by reason under
 * date filters adds up a few rows per reason instead of joining every return to its order. Only the summary rebuild
 * writes it: only bulk loads write returns, and each of them ends with the rebuild.
 */
public final class ReturnReasonRows {

    public static final String TABLE = "commerce.return_reason_period";

    /** The reason column's value for a return without one (the key cannot be null). */
    public static final String NO_REASON = "";

    private ReturnReasonRows() {
    }

    /** The statements of the rebuild (into an emptied table): the days, then the months. */
    public static List<String> rebuildAll() {
        return List.of("INSERT INTO " + TABLE + " (period_kind, period_start, reason, returns, approved)"
                        + " SELECT 'D', CAST(o.ordered_at AS DATE), COALESCE(r.reason, '" + NO_REASON + "'), COUNT(*),"
                        + " SUM(CASE WHEN r.status = 'approved' THEN 1 ELSE 0 END)"
                        + " FROM commerce.order_return r JOIN commerce.orders o ON o.id = r.order_id"
                        + " WHERE o.kind = 'sale' GROUP BY CAST(o.ordered_at AS DATE), COALESCE(r.reason, '" + NO_REASON + "')",
                SupplierSalesRows.monthsOfDays(TABLE, "reason", "returns", "approved"));
    }
}
