package com.commerceinsight.analytics.dashboards;

/** The key values that stand for "none" in the summaries, whose key columns are never null. */
final class SummaryKeys {

    static final String UNKNOWN = "unknown";
    static final String NO_PAYMENT = "none";
    static final long NO_CATEGORY = 0;

    private SummaryKeys() {
    }
}
