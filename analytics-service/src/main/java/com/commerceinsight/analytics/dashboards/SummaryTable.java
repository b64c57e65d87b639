package com.commerceinsight.analytics.dashboards;

import java.util.List;
import java.util.stream.Stream;

/** The three daily summary tables: their key columns and the measure columns a change adds to. */
enum SummaryTable {

    ORDERS("commerce.daily_order_summary", Keys.ORDER_KEY, OrderMeasures.ALL),
    CATEGORIES("commerce.daily_category_summary", Keys.CATEGORY_KEY, OrderMeasures.ALL),
    PAYMENTS("commerce.daily_payment_summary", Keys.ORDER_KEY, List.of("pending_attempts", "succeeded_attempts",
            "failed_attempts", "refunded_attempts", "succeeded_amount", "refunded_amount"));

    final String name;
    final List<String> keyColumns;
    final List<String> measureColumns;

    SummaryTable(String name, List<String> keyColumns, List<String> measureColumns) {
        this.name = name;
        this.keyColumns = keyColumns;
        this.measureColumns = measureColumns;
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
    }
}
