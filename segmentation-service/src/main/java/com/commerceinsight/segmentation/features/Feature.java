package com.commerceinsight.segmentation.features;

/** A per-customer feature the segmentation clusters on; days are fractional days before the reference time. */
public enum Feature {
    RECENCY_DAYS,
    FREQUENCY,
    MONETARY,
    TENURE_DAYS,
    AVERAGE_BASKET,
    SESSIONS
}
