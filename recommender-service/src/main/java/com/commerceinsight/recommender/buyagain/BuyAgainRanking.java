package com.commerceinsight.recommender.buyagain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Ways of ordering what a customer bought before by how likely they are to buy it again within H days. Every
 * ranking breaks ties by the most recent purchase first, then by product id, so a list is the same on every call.
 * The evaluation measures all three; serving uses {@link #SERVED}.
 */
public enum BuyAgainRanking {

    /** The baseline: the products the customer bought most often. */
    MOST_BOUGHT("most-bought") {
        @Override
        public double score(PurchaseHistory history, double productShare, Instant now, int horizonDays) {
            return history.orders();
        }
    },

    /**
     * The customer's own Poisson rate for the product, orders / (days since the first + H): the H in the denominator
     * shrinks a rate seen over a short time (one order last week is not a rate of one a week), and a product bought
     * long ago and not since decays as its days grow. The score is P(at least one order in the next H days).
     */
    PERSONAL_RATE("personal-rate") {
        @Override
        public double score(PurchaseHistory history, double productShare, Instant now, int horizonDays) {
            double ratePerDay = history.orders() / (history.daysSinceFirst(now) + horizonDays);
            return 1 - Math.exp(-ratePerDay * horizonDays);
        }
    },

    /**
     * The personal rate's probability times the product's repurchase share (of its buyers, those who bought it
     * more than once): some products are bought again by nearly everyone who buys them (consumables), others once
     * (a gift, a piece of furniture), and one customer's few orders cannot tell the two apart.
     */
    RATE_TIMES_PRODUCT_SHARE("rate-x-product-share") {
        @Override
        public double score(PurchaseHistory history, double productShare, Instant now, int horizonDays) {
            return PERSONAL_RATE.score(history, productShare, now, horizonDays) * productShare;
        }
    };

    /** The ranking serving uses: the best on the Online Retail time split (docs/buy-again.md). */
    public static final BuyAgainRanking SERVED = RATE_TIMES_PRODUCT_SHARE;

    /** A product the customer bought, with its score under a ranking. */
    public record Scored(PurchaseHistory history, double score) {
    }

    private final String label;

    BuyAgainRanking(String label) {
        this.label = label;
    }

    /** The name in reports and answers. */
    public String label() {
        return label;
    }

    /** Higher is more likely bought again; productShare is the product's repurchase share in [0, 1]. */
    public abstract double score(PurchaseHistory history, double productShare, Instant now, int horizonDays);

    /** The customer's products best first, at most limit of them. */
    public List<Scored> rank(List<PurchaseHistory> histories, LongToDoubleFunction productShare, Instant now, int horizonDays,
            int limit) {
        return histories.stream()
                .map(h -> new Scored(h, score(h, productShare.applyAsDouble(h.productId()), now, horizonDays)))
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.history().lastBoughtAt(), Comparator.reverseOrder())
                        .thenComparingLong(s -> s.history().productId()))
                .limit(limit)
                .toList();
    }
}
