package com.commerceinsight.recommender.buyagain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How buy-again lists are scored. */
@ConfigMapping(prefix = "recommender.buy-again")
public interface BuyAgainConfig {

    /** H: the score is the chance of buying again within this many days (the evaluation's test window). */
    @WithDefault("90")
    int horizonDays();

    /**
     * How old the products' repurchase shares may get before they are counted again (one aggregate over every
     * customer's bought items; a share moves slowly, a customer's own rows are read fresh on every request).
     */
    @WithDefault("10m")
    Duration sharesRefresh();
}
