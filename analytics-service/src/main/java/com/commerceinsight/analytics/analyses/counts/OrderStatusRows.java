package com.commerceinsight.analytics.analyses.counts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.commerceinsight.analytics.analyses.DeltaRows;

/**
 * commerce.daily_status_orders: per UTC day placed and current status, the orders of kind sale and their totals, so
 * that the status breakdown adds up at most one row per day and status instead of grouping the orders. The live
 * summaries file every order change here as they do in the daily summaries (an order placed: +1 in its status; a status
 * change: -1 in the old, +1 in the new) in the same transaction; the summary rebuild recomputes the table.
 */
public final class OrderStatusRows {

    public static final String TABLE = "commerce.daily_status_orders";

    private OrderStatusRows() {
    }

    /** An empty change to the table. */
    public static DeltaRows change() {
        return new DeltaRows(TABLE, List.of("order_date", "status"), List.of("orders", "amount"));
    }

    /** Files (sign +1) or takes out (-1) an order of this day, status and total. */
    public static void add(DeltaRows change, LocalDate day, String status, BigDecimal total, int sign) {
        change.add(List.of(day, status), (long) sign, sign < 0 ? total.negate() : total);
    }

    /** The statement of the rebuild (into an emptied table). */
    public static String rebuildAll() {
        return "INSERT INTO " + TABLE + " (order_date, status, orders, amount)"
                + " SELECT CAST(o.ordered_at AS DATE), o.status, COUNT(*), SUM(o.total_amount) FROM commerce.orders o"
                + " WHERE o.kind = 'sale' GROUP BY CAST(o.ordered_at AS DATE), o.status";
    }
}
