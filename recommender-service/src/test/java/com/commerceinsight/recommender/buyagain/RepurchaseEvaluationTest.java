package com.commerceinsight.recommender.buyagain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.evaluation.ModelMetrics;
import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalKind;

/** The buy-again evaluation on a three-customer shop whose answers are worked out by hand. */
class RepurchaseEvaluationTest {

    private static final Instant T = Instant.parse("2011-09-10T00:00:00Z");
    private static final int H = 90;

    /**
     * Customer 1: product 10 three times 500 to 400 days before T, 11 once 5 days before, 12 once 200 days before; in
     * the window buys 11 again and 13 for the first time (not a re-purchase). Customer 2: product 20 twice before, again
     * in the window, and 21 new. Customer 3 buys nothing again in the window (only 30 after it): not evaluated.
     */
    private static InteractionLog shop() {
        InteractionLog log = new InteractionLog();
        purchase(log, 1, 10, -500);
        purchase(log, 1, 10, -450);
        purchase(log, 1, 10, -400);
        purchase(log, 1, 10, -400); // a second line of the same order: one order
        purchase(log, 1, 11, -5);
        purchase(log, 1, 12, -200);
        purchase(log, 1, 11, 10);
        purchase(log, 1, 13, 20);
        purchase(log, 2, 20, -60);
        purchase(log, 2, 20, -30);
        purchase(log, 2, 20, 15);
        purchase(log, 2, 21, 15);
        purchase(log, 3, 30, -100);
        purchase(log, 3, 30, H + 5);
        log.add(3, 30, T.plus(Duration.ofDays(3)), SignalKind.WISHLIST, 0); // not a purchase
        return log;
    }

    @Test
    void recallAtOneCountsOnlyTheCustomersWithAReturnPurchase() {
        Map<String, ModelMetrics> at1 = byModel(RepurchaseEvaluation.evaluate(shop(), T, H, 1));
        assertThat(at1.values()).allSatisfy(m -> assertThat(m.customers()).isEqualTo(2));
        // Most bought: customer 1 gets 10 (3 orders), a miss; customer 2 gets 20, a hit.
        assertThat(at1.get("buy-again/most-bought").recall()).isEqualTo(0.5);
        // Personal rate: 10 scores 1 − e^(−90·3/590) = 0.367, 11 scores 1 − e^(−90/95) = 0.612: a hit for both.
        assertThat(at1.get("buy-again/personal-rate").recall()).isEqualTo(1.0);
        // Shares: 10 was bought again by its one buyer (2/3), 11 by none (1/3): 0.245 against 0.204, a miss again.
        assertThat(at1.get("buy-again/rate-x-product-share").recall()).isEqualTo(0.5);
    }

    @Test
    void ndcgAtTenRewardsTheRankOfTheHit() {
        Map<String, ModelMetrics> at10 = byModel(RepurchaseEvaluation.evaluate(shop(), T, H, 10));
        assertThat(at10.values()).allSatisfy(m -> assertThat(m.recall()).isEqualTo(1.0));
        // Most bought, customer 1: 10, then 11 and 12 tie on one order and 11 is more recent: the hit at rank 2,
        // 1 / log2(3); customer 2: a hit at rank 1.
        assertThat(at10.get("buy-again/most-bought").ndcg()).isCloseTo((1 / (Math.log(3) / Math.log(2)) + 1) / 2, within(1e-12));
        assertThat(at10.get("buy-again/personal-rate").ndcg()).isCloseTo(1.0, within(1e-12));
        assertThat(at10.get("buy-again/most-bought").k()).isEqualTo(10);
    }

    private static void purchase(InteractionLog log, long customer, long product, int daysFromT) {
        log.add(customer, product, T.plus(Duration.ofDays(daysFromT)), SignalKind.PURCHASE, 0);
    }

    private static Map<String, ModelMetrics> byModel(List<ModelMetrics> metrics) {
        return metrics.stream().collect(Collectors.toMap(ModelMetrics::model, Function.identity()));
    }
}
