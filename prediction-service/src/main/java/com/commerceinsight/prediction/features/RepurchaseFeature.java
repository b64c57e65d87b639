package com.commerceinsight.prediction.features;

import java.util.Arrays;
import java.util.List;

/**
 * The per-customer features, in the column order of every feature vector. The first nineteen are the original
 * system's (its "18" counted total spent and average order value as one idea); the rest were added because
 * they carry signal the originals do not (breadth of interest, payment trouble, the rhythm of orders, recent pace,
 * and how overdue the next order is, which tells a lapsed customer from a slow one).
 * Missing values (a rating without reviews, a gap without two orders) are NaN, which XGBoost treats as missing.
 */
public enum RepurchaseFeature {
    TOTAL_ORDERS("sale orders before T"),
    ACTIVE_MONTHS("distinct calendar months with an order"),
    ORDERS_PER_MONTH("orders per month of tenure"),
    DAYS_SINCE_LAST_ORDER("days from the last order to T"),
    COMPLETION_RATE("share of orders delivered by T"),
    AVERAGE_RATING("mean review rating (NaN without reviews)"),
    WISHLIST_LAST_60_DAYS("wishlist additions in the 60 days before T"),
    SUCCESSFUL_PAYMENTS("payments that went through before T"),
    TOTAL_SPENT("amount of orders not cancelled by T"),
    AVERAGE_ORDER_VALUE("total spent per order not cancelled"),
    DELIVERY_RATE("share of orders shipped by T that were delivered by T"),
    CANCEL_RATE("cancelled orders and cancellation invoices per order"),
    ACTIVE_DAYS("distinct days with an order"),
    RETURNS("returns before T"),
    RETURN_RATE("returns per delivered order"),
    WISHLIST_ITEMS("wishlist additions before T"),
    SESSION_COUNT("web sessions started before T"),
    AVERAGE_SESSION_MINUTES("mean length of sessions ended before T (NaN without)"),
    TENURE_DAYS("days from registration (or the first order) to T"),
    DISTINCT_CATEGORIES("distinct product categories ordered"),
    DISTINCT_PRODUCTS("distinct products ordered"),
    FAILED_PAYMENTS("failed payment attempts before T"),
    MEAN_DAYS_BETWEEN_ORDERS("mean gap between consecutive orders (NaN below two orders)"),
    SD_DAYS_BETWEEN_ORDERS("standard deviation of those gaps (NaN below three orders)"),
    ORDERS_LAST_90_DAYS("orders in the 90 days before T"),
    DAYS_SINCE_FIRST_ORDER("days from the first order to T"),
    RECENCY_OVER_MEAN_GAP("days since the last order over the mean gap: how overdue the next order is (NaN below two orders)");

    private final String description;

    RepurchaseFeature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name used in APIs, model files and reports. */
    public String featureName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(RepurchaseFeature::featureName).toList();
    }
}
