package com.commerceinsight.recommender.buyagain;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Buy-again lists: the customer's bought items, read fresh on each request, ranked by {@link BuyAgainRanking#SERVED}.
 * Needs no model version: it answers while none is active. The products' repurchase shares are one aggregate over
 * every customer, kept for {@code recommender.buy-again.shares-refresh} and recounted in the background after that.
 */
@ApplicationScoped
public class BuyAgainService {

    private final BuyAgainRows rows;
    private final BuyAgainConfig config;
    private final LoadingCache<Boolean, RepurchaseShares> shares;

    public BuyAgainService(BuyAgainRows rows, BuyAgainConfig config) {
        this.rows = rows;
        this.config = config;
        this.shares = Caffeine.newBuilder().refreshAfterWrite(config.sharesRefresh()).build(key -> rows.shares());
    }

    /** Blocking: reads the database. */
    public BuyAgainList forCustomer(long customerId, int limit) {
        List<PurchaseHistory> bought = rows.historyOf(customerId);
        Instant now = Instant.now();
        if (bought.isEmpty()) {
            return new BuyAgainList(customerId, BuyAgainRanking.SERVED.label(), config.horizonDays(), now, List.of());
        }
        RepurchaseShares productShares = shares.get(Boolean.TRUE);
        List<BuyAgainList.Item> items = BuyAgainRanking.SERVED.rank(bought, productShares::of, now, config.horizonDays(), limit)
                .stream()
                .map(s -> new BuyAgainList.Item(s.history().productId(), s.score(), s.history().orders(),
                        s.history().meanIntervalDays(), s.history().lastBoughtAt(),
                        RepurchaseReason.describe(s.history(), productShares.of(s.history().productId()), now)))
                .toList();
        return new BuyAgainList(customerId, BuyAgainRanking.SERVED.label(), config.horizonDays(), now, items);
    }
}
