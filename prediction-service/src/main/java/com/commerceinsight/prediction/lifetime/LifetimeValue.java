package com.commerceinsight.prediction.lifetime;

/**
 * The discounted value of a customer's next months: the purchases the BG/NBD expects in each 30-day month times the
 * spend Gamma-Gamma expects per purchase, month i discounted by (1 + d)^i, as the {@code lifetimes} library computes
 * customer lifetime value.
 */
public final class LifetimeValue {

    static final double DAYS_PER_MONTH = 30;

    private LifetimeValue() {
    }

    public static double of(BgNbdModel model, CustomerSummary summary, double spendPerPurchase, int months, double monthlyDiscountRate) {
        double value = 0;
        double before = 0;
        for (int month = 1; month <= months; month++) {
            double upTo = model.expectedPurchases(month * DAYS_PER_MONTH, summary.frequency(), summary.recencyDays(), summary.ageDays());
            value += (upTo - before) * spendPerPurchase / Math.pow(1 + monthlyDiscountRate, month);
            before = upTo;
        }
        return value;
    }
}
