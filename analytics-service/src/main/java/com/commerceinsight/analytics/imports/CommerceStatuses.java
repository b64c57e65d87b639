package com.commerceinsight.analytics.imports;

import java.util.Locale;
import java.util.Set;

import com.commerceinsight.analytics.jdbc.RecordRejectedException;

/** Maps the status words of the data sets onto the schema's order and payment statuses (see its CHECK constraints). */
public final class CommerceStatuses {

    public static final Set<String> ORDER = Set.of(
            "created", "pending", "processing", "approved", "invoiced", "shipped", "delivered", "cancelled", "unavailable");

    private CommerceStatuses() {
    }

    /** An order status; Olist's American "canceled" becomes "cancelled". */
    public static String order(String value) {
        String status = value.toLowerCase(Locale.ROOT);
        if (status.equals("canceled")) {
            status = "cancelled";
        }
        if (!ORDER.contains(status)) {
            throw new RecordRejectedException("order status '" + value + "' is not one of " + ORDER);
        }
        return status;
    }

    /** A payment status: the seed shop's "completed" (and "paid", "success") is a succeeded payment. */
    public static String payment(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "completed", "succeeded", "success", "paid" -> "succeeded";
            case "failed", "declined" -> "failed";
            case "refunded" -> "refunded";
            case "pending" -> "pending";
            default -> throw new RecordRejectedException("payment status '" + value + "' is not one of succeeded, failed, refunded, pending");
        };
    }
}
