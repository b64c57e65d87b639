package com.commerceinsight.recommender.buyagain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rankings and the reason on small hand-built histories, the expected numbers worked out by hand. */
class BuyAgainRankingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final int H = 90;

    /** Bought six times every 30 days, last 25 days ago: due again soon. */
    private static final PurchaseHistory REGULAR = history(1, 6, 175, 25);
    /** Bought once, 300 days ago. */
    private static final PurchaseHistory ONCE_LONG_AGO = history(2, 1, 300, 300);
    /** Bought eight times, but the last of them 400 days ago: the customer stopped. */
    private static final PurchaseHistory STOPPED = history(3, 8, 750, 400);

    @Test
    void aProductBoughtOnARegularCycleAndNowDueOutranksOneBoughtOnceLongAgo() {
        for (BuyAgainRanking ranking : BuyAgainRanking.values()) {
            assertThat(products(ranking.rank(List.of(ONCE_LONG_AGO, REGULAR), id -> 0.5, NOW, H, 10)))
                    .as(ranking.label()).containsExactly(1L, 2L);
        }
    }

    @Test
    void thePersonalRateIsTheChanceOfAnOrderWithinTheHorizon() {
        // 6 orders over 175 days + H = 265 days: 1 − e^(−90 · 6 / 265) = 1 − e^(−2.0377) = 0.8697.
        assertThat(BuyAgainRanking.PERSONAL_RATE.score(REGULAR, 0.5, NOW, H)).isCloseTo(0.8697, within(1e-4));
        // 1 order over 300 + 90 days: 1 − e^(−0.2308) = 0.2061.
        assertThat(BuyAgainRanking.PERSONAL_RATE.score(ONCE_LONG_AGO, 0.5, NOW, H)).isCloseTo(0.2061, within(1e-4));
        assertThat(BuyAgainRanking.RATE_TIMES_PRODUCT_SHARE.score(REGULAR, 0.4, NOW, H)).isCloseTo(0.8697 * 0.4, within(1e-4));
    }

    @Test
    void mostBoughtKeepsAProductTheCustomerStoppedBuyingFirstTheRateDoesNot() {
        List<PurchaseHistory> bought = List.of(REGULAR, STOPPED);
        assertThat(products(BuyAgainRanking.MOST_BOUGHT.rank(bought, id -> 0.5, NOW, H, 10))).containsExactly(3L, 1L);
        // STOPPED: 8 orders over 750 + 90 days: 1 − e^(−0.857) = 0.576 < 0.870.
        assertThat(products(BuyAgainRanking.PERSONAL_RATE.rank(bought, id -> 0.5, NOW, H, 10))).containsExactly(1L, 3L);
    }

    @Test
    void theProductShareCanReorderTwoEquallyLikelyPersonalRates() {
        PurchaseHistory consumable = history(10, 2, 100, 40);
        PurchaseHistory gift = history(11, 2, 100, 40);
        List<BuyAgainRanking.Scored> ranked = BuyAgainRanking.RATE_TIMES_PRODUCT_SHARE.rank(List.of(gift, consumable),
                id -> id == 10 ? 0.9 : 0.1, NOW, H, 10);
        assertThat(products(ranked)).containsExactly(10L, 11L);
        assertThat(ranked.get(0).score()).isCloseTo(9 * ranked.get(1).score(), within(1e-9));
    }

    @Test
    void tiesGoToTheMostRecentPurchaseThenTheLowerProductId() {
        List<PurchaseHistory> bought = List.of(history(7, 2, 200, 100), history(5, 2, 200, 50), history(6, 2, 200, 50));
        assertThat(products(BuyAgainRanking.MOST_BOUGHT.rank(bought, id -> 0.5, NOW, H, 10))).containsExactly(5L, 6L, 7L);
        assertThat(products(BuyAgainRanking.MOST_BOUGHT.rank(bought, id -> 0.5, NOW, H, 2))).containsExactly(5L, 6L);
    }

    @Test
    void theReasonSaysHowOftenHowRegularlyAndHowLongAgo() {
        assertThat(REGULAR.meanIntervalDays()).isCloseTo(30.0, within(1e-9));
        assertThat(RepurchaseReason.describe(REGULAR, 0.625, NOW))
                .isEqualTo("bought 6 times, usually every 30 days, last 25 days ago; 63% of its buyers buy it again");
        assertThat(ONCE_LONG_AGO.meanIntervalDays()).isNull();
        assertThat(RepurchaseReason.describe(ONCE_LONG_AGO, 0.5, NOW))
                .isEqualTo("bought once, 300 days ago; 50% of its buyers buy it again");
        PurchaseHistory firstUnknown = new PurchaseHistory(4, 3, null, NOW.minus(Duration.ofDays(1)));
        assertThat(firstUnknown.meanIntervalDays()).isNull();
        assertThat(RepurchaseReason.describe(firstUnknown, 0.5, NOW)).startsWith("bought 3 times, last 1 day ago;");
    }

    @Test
    void sharesAreSmoothedTowardsOneHalf() {
        RepurchaseShares shares = RepurchaseShares.counter().add(1, 3, 1).add(2, 1, 1).add(2, 1, 0).build();
        assertThat(shares.of(1)).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(shares.of(2)).isCloseTo(2.0 / 4, within(1e-12));
        assertThat(shares.of(99)).isEqualTo(0.5);
    }

    private static PurchaseHistory history(long productId, int orders, int firstDaysAgo, int lastDaysAgo) {
        return new PurchaseHistory(productId, orders, NOW.minus(Duration.ofDays(firstDaysAgo)), NOW.minus(Duration.ofDays(lastDaysAgo)));
    }

    private static List<Long> products(List<BuyAgainRanking.Scored> ranked) {
        return ranked.stream().map(s -> s.history().productId()).toList();
    }
}
