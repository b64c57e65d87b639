package com.commerceinsight.analytics.dashboards;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The summary tables: their key columns and the measure columns a change adds to. Each daily table has a monthly
 * rollup with the same columns, its summary_date the first day of the month, so that a dashboard reads day rows only
 * at the partial months at a range's edges. The category totals are the category summaries without the customer and
 * payment keys.
 */
enum SummaryTable {

    ORDERS("commerce.daily_order_summary", Keys.ORDER_KEY, OrderMeasures.ALL),
    CATEGORIES("commerce.daily_category_summary", Keys.CATEGORY_KEY, OrderMeasures.ALL),
    PAYMENTS("commerce.daily_payment_summary", Keys.ORDER_KEY, PaymentMeasures.ALL),
    MONTHLY_ORDERS("commerce.monthly_order_summary", Keys.ORDER_KEY, OrderMeasures.ALL),
    MONTHLY_CATEGORIES("commerce.monthly_category_summary", Keys.CATEGORY_KEY, OrderMeasures.ALL),
    MONTHLY_PAYMENTS("commerce.monthly_payment_summary", Keys.ORDER_KEY, PaymentMeasures.ALL),
    /*
     * The category summaries summed over state, country and payment method: what the sales page's category breakdown
     * reads when no state, country or method filter is set (categories x months rows instead of categories x months x
     * states x methods). Live cost: one more batched UPDATE per grain per batch of orders, one row per category in it.
     */
    CATEGORY_TOTALS("commerce.daily_category_totals", Keys.CATEGORY_TOTAL_KEY, OrderMeasures.ALL),
    MONTHLY_CATEGORY_TOTALS("commerce.monthly_category_totals", Keys.CATEGORY_TOTAL_KEY, OrderMeasures.ALL);

    final String name;
    final List<String> keyColumns;
    final List<String> measureColumns;

    SummaryTable(String name, List<String> keyColumns, List<String> measureColumns) {
        this.name = name;
        this.keyColumns = keyColumns;
        this.measureColumns = measureColumns;
    }

    /** The tables of one grain: the day (the order's day) or the month (the first day of the order's month). */
    enum Grain {
        DAY(ORDERS, CATEGORIES, PAYMENTS, CATEGORY_TOTALS),
        MONTH(MONTHLY_ORDERS, MONTHLY_CATEGORIES, MONTHLY_PAYMENTS, MONTHLY_CATEGORY_TOTALS);

        final SummaryTable orders;
        final SummaryTable categories;
        final SummaryTable payments;
        final SummaryTable categoryTotals;

        Grain(SummaryTable orders, SummaryTable categories, SummaryTable payments, SummaryTable categoryTotals) {
            this.orders = orders;
            this.categories = categories;
            this.payments = payments;
            this.categoryTotals = categoryTotals;
        }

        /** The summary_date under which an order of this day is filed. */
        LocalDate summaryDate(LocalDate day) {
            return this == DAY ? day : day.withDayOfMonth(1);
        }
    }

    /** The measure columns of the payment summaries. */
    static final class PaymentMeasures {
        static final List<String> ALL = List.of("pending_attempts", "succeeded_attempts", "failed_attempts", "refunded_attempts",
                "succeeded_amount", "refunded_amount");

        private PaymentMeasures() {
        }
    }

    /** The measure columns shared by the order and the category summaries. */
    static final class OrderMeasures {
        /** Order statuses, each counted in a column {@code <status>_orders}. */
        static final List<String> STATUSES = List.of("created", "pending", "processing", "approved", "invoiced", "shipped",
                "delivered", "cancelled", "unavailable");
        static final List<String> ALL = Stream.concat(
                Stream.of("orders", "first_orders", "returning_orders", "units", "revenue", "cancelled_units", "cancelled_revenue"),
                STATUSES.stream().map(OrderMeasures::statusColumn)).toList();

        private OrderMeasures() {
        }

        static String statusColumn(String status) {
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("unknown order status " + status);
            }
            return status + "_orders";
        }
    }

    private static final class Keys {
        static final List<String> ORDER_KEY = List.of("summary_date", "customer_state", "customer_country", "payment_method");
        static final List<String> CATEGORY_KEY = List.of("summary_date", "category_id", "customer_state", "customer_country",
                "payment_method");
        static final List<String> CATEGORY_TOTAL_KEY = List.of("summary_date", "category_id");
    }
}
