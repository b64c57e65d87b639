package com.commerceinsight.prediction.lifetime;

import io.smallrye.config.ConfigMapping;

/** How customers' lifetime value is computed. */
@ConfigMapping(prefix = "prediction.lifetime")
public interface LifetimeConfig {

    /** The discount rate per 30-day month of a future month's expected spend (0.01: 1 % a month, about 12.7 % a year). */
    double monthlyDiscountRate();

    /** The months the lifetime value sums over. */
    int valueMonths();
}
