package com.commerceinsight.recommender.buyagain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.commerceinsight.recommender.evaluation.HeldOutPurchases;
import com.commerceinsight.recommender.evaluation.ModelMetrics;
import com.commerceinsight.recommender.evaluation.RankingEvaluator;
import com.commerceinsight.recommender.evaluation.UserRanker;
import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalKind;

/**
 * Buy-again on a time split: each customer's purchases before T ranked by each {@link BuyAgainRanking}, against the
 * products they bought again in (T, T + H]. Only re-purchases count (a product first bought in the window is
 * something for ALS to find, not buy-again), and only customers with at least one. Features and the product shares
 * come from purchases before T only.
 */
public final class RepurchaseEvaluation {

    private RepurchaseEvaluation() {
    }

    /** One metrics row per ranking, in {@link BuyAgainRanking} order; models named {@code buy-again/<label>}. */
    public static List<ModelMetrics> evaluate(InteractionLog log, Instant cutoff, int horizonDays, int k) {
        long cut = cutoff.getEpochSecond();
        long end = cutoff.plusSeconds(horizonDays * 86_400L).getEpochSecond();
        Map<Long, Map<Long, Set<Long>>> orderTimes = new HashMap<>(); // customer -> product -> distinct order times
        for (int row = 0; row < log.size(); row++) {
            if (log.kind(row) == SignalKind.PURCHASE && log.epochSecond(row) < cut) {
                orderTimes.computeIfAbsent(log.customer(row), c -> new HashMap<>())
                        .computeIfAbsent(log.product(row), p -> new HashSet<>()).add(log.epochSecond(row));
            }
        }
        long[] customers = orderTimes.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] products = orderTimes.values().stream().flatMap(m -> m.keySet().stream()).mapToLong(Long::longValue)
                .sorted().distinct().toArray();
        List<List<PurchaseHistory>> histories = new ArrayList<>(customers.length);
        RepurchaseShares.Counter shares = RepurchaseShares.counter();
        for (long customer : customers) {
            List<PurchaseHistory> bought = new ArrayList<>();
            orderTimes.get(customer).forEach((product, times) -> {
                long first = times.stream().mapToLong(Long::longValue).min().orElseThrow();
                long last = times.stream().mapToLong(Long::longValue).max().orElseThrow();
                bought.add(new PurchaseHistory(product, times.size(), Instant.ofEpochSecond(first), Instant.ofEpochSecond(last)));
                shares.add(product, 1, times.size() > 1 ? 1 : 0);
            });
            histories.add(bought);
        }
        RepurchaseShares productShares = shares.build();

        Map<Integer, Set<Integer>> repurchased = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            long at = log.epochSecond(row);
            if (log.kind(row) != SignalKind.PURCHASE || at <= cut || at > end) {
                continue;
            }
            int customer = Arrays.binarySearch(customers, log.customer(row));
            if (customer >= 0 && orderTimes.get(log.customer(row)).containsKey(log.product(row))) {
                repurchased.computeIfAbsent(customer, c -> new HashSet<>()).add(Arrays.binarySearch(products, log.product(row)));
            }
        }
        int[][] reachable = new int[customers.length][0];
        int[] count = new int[customers.length];
        repurchased.forEach((customer, columns) -> {
            reachable[customer] = columns.stream().mapToInt(Integer::intValue).sorted().toArray();
            count[customer] = columns.size();
        });
        HeldOutPurchases heldOut = new HeldOutPurchases(reachable, count);

        List<ModelMetrics> metrics = new ArrayList<>();
        for (BuyAgainRanking ranking : BuyAgainRanking.values()) {
            UserRanker ranker = (customer, top) -> ranking.rank(histories.get(customer), productShares::of, cutoff, horizonDays, top)
                    .stream().mapToInt(s -> Arrays.binarySearch(products, s.history().productId())).toArray();
            metrics.add(RankingEvaluator.evaluate("buy-again/" + ranking.label(), ranker, heldOut, k, products.length));
        }
        return metrics;
    }
}
