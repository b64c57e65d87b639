package com.commerceinsight.prediction.features;

import java.time.LocalDateTime;

/** The label: did the customer place at least one order (a sale, not a cancellation) in (T, T + H]? */
public final class RepurchaseLabeler {

    private RepurchaseLabeler() {
    }

    public static int label(CustomerHistory history, LocalDateTime cutoff, int horizonDays) {
        return history.salesIn(cutoff, cutoff.plusDays(horizonDays)) > 0 ? 1 : 0;
    }
}
