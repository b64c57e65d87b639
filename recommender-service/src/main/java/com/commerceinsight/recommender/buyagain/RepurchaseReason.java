package com.commerceinsight.recommender.buyagain;

import java.time.Instant;

/** The buy-again reason a shopper or analyst reads: "bought 4 times, usually every 30 days, last 27 days ago; …". */
final class RepurchaseReason {

    private RepurchaseReason() {
    }

    static String describe(PurchaseHistory history, double productShare, Instant now) {
        StringBuilder reason = new StringBuilder(history.orders() == 1 ? "bought once" : "bought " + history.orders() + " times");
        Double interval = history.meanIntervalDays();
        if (interval != null) {
            reason.append(", usually every ").append(days(interval));
        }
        reason.append(history.orders() == 1 ? ", " : ", last ").append(days(history.daysSinceLast(now))).append(" ago");
        reason.append("; ").append(Math.round(productShare * 100)).append("% of its buyers buy it again");
        return reason.toString();
    }

    private static String days(double days) {
        long rounded = Math.round(days);
        return rounded == 1 ? "1 day" : rounded + " days";
    }
}
