package com.commerceinsight.recommender.signals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How strongly each kind of feedback counts towards a customer's interest in a product. */
@ConfigMapping(prefix = "recommender.signals")
public interface SignalConfig {

    /** Strength added by each order line of a product (repeat purchases add up). */
    @WithDefault("1.0")
    double purchaseWeight();

    /** Strength of a wishlist entry: interest, but weaker than paying for it. */
    @WithDefault("0.5")
    double wishlistWeight();

    /** Strength of a five-star review; lower ratings get less, a one-star review nothing. */
    @WithDefault("0.5")
    double reviewWeight();

    default SignalWeights weights() {
        return new SignalWeights(purchaseWeight(), wishlistWeight(), reviewWeight());
    }
}
