package com.commerceinsight.prediction.features;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The dates a customer's time-dependent features are counted from, as known at a cutoff: with them a feature vector
 * computed at one time can be moved to a later time without reading the history again, as long as nothing happened
 * in between (see {@link FeatureExtractor#ageTo}). Stored beside each customer's feature vector.
 *
 * @param registeredAt       the registration time (null when the data set has none)
 * @param firstOrderAt       the first sale order before the cutoff (null without one)
 * @param lastOrderAt        the last sale order before the cutoff (null without one)
 * @param recentOrders       sale orders in the {@value FeatureExtractor#RECENT_ORDER_DAYS} days before the cutoff
 * @param recentWishlistAdds wishlist additions in the {@value FeatureExtractor#RECENT_WISHLIST_DAYS} days before it
 */
public record TimeAnchors(LocalDateTime registeredAt, LocalDateTime firstOrderAt, LocalDateTime lastOrderAt,
                          List<LocalDateTime> recentOrders, List<LocalDateTime> recentWishlistAdds) {
}
