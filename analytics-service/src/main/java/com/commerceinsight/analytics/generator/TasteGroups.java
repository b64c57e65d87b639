package com.commerceinsight.analytics.generator;

import java.util.SplittableRandom;

/**
 * The latent taste groups: each group has a sparse preference over the leaf categories (Dirichlet with a small
 * concentration, so a few categories dominate) and a share of the customers. A customer's products come from their
 * group's categories most of the time and from the shop's global popularity otherwise, which is what gives the data
 * its co-purchase structure.
 */
final class TasteGroups {

    /** Dirichlet concentration of a group's category preference: well below 1, so each group prefers a few leaves. */
    static final double PREFERENCE_CONCENTRATION = 0.3;
    /** Probability that a product is drawn from the customer's taste rather than from global popularity. */
    static final double TASTE_SHARE = 0.8;

    private final CumulativeSampler membership;
    private final CumulativeSampler[] preferredLeaf;
    private final Catalogue catalogue;

    TasteGroups(int groups, Catalogue catalogue, SplittableRandom rng) {
        this.catalogue = catalogue;
        double[] shares = new double[groups];
        for (int g = 0; g < groups; g++) {
            shares[g] = RandomVariates.gamma(rng, 4, 1);
        }
        this.membership = new CumulativeSampler(shares);
        this.preferredLeaf = new CumulativeSampler[groups];
        for (int g = 0; g < groups; g++) {
            preferredLeaf[g] = new CumulativeSampler(RandomVariates.dirichlet(rng, catalogue.leaves(), PREFERENCE_CONCENTRATION));
        }
    }

    int drawGroup(SplittableRandom rng) {
        return membership.draw(rng);
    }

    /** A product for a customer of the group: a preferred category then Zipf popularity within it, or a popular one. */
    int drawProduct(int group, SplittableRandom rng) {
        int leaf = rng.nextDouble() < TASTE_SHARE ? preferredLeaf[group].draw(rng) : catalogue.popularLeaf(rng);
        return catalogue.productIn(leaf, rng);
    }
}
