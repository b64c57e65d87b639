package com.commerceinsight.recommender.signals;

/**
 * How much each signal adds to a customer's interaction strength r with a product (confidence is 1 + alpha·r).
 * A review adds {@code review · (rating − 1) / 4}: a five-star review the full weight, a one-star review nothing,
 * so a disliked product is not pushed as if it were liked.
 */
public record SignalWeights(double purchase, double wishlist, double review) {

    public double strength(SignalKind kind, int rating) {
        return switch (kind) {
            case PURCHASE -> purchase;
            case WISHLIST -> wishlist;
            case REVIEW -> review * Math.max(0, Math.min(4, rating - 1)) / 4.0;
        };
    }
}
