package com.commerceinsight.recommender.evaluation;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.commerceinsight.recommender.signals.InteractionLog;
import com.commerceinsight.recommender.signals.SignalKind;
import com.commerceinsight.recommender.training.TrainingSet;

/**
 * What the customers of a training set bought in the window (from, to] after its cutoff, minus what they had
 * already bought before it (those are filtered from recommendations, so they could never be hits).
 *
 * @param reachable     per customer row: the relevant products known to the training set, as sorted column indices
 * @param relevantCount per customer row: all relevant products, the unknown ones included
 */
public record HeldOutPurchases(int[][] reachable, int[] relevantCount) {

    public static HeldOutPurchases between(InteractionLog log, TrainingSet train, Instant from, Instant to) {
        long start = from.getEpochSecond();
        long end = to.getEpochSecond();
        Map<Integer, Set<Long>> bought = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            long at = log.epochSecond(row);
            if (log.kind(row) != SignalKind.PURCHASE || at <= start || at > end) {
                continue;
            }
            int customer = train.customerIndex(log.customer(row));
            if (customer < 0) {
                continue; // a customer new after the cutoff: a cold-start case, not evaluated here
            }
            int product = train.productIndex(log.product(row));
            if (product >= 0 && train.purchases().get(customer, product) > 0) {
                continue;
            }
            bought.computeIfAbsent(customer, c -> new HashSet<>()).add(log.product(row));
        }
        int[][] reachable = new int[train.customerIds().length][];
        int[] count = new int[reachable.length];
        Arrays.fill(reachable, new int[0]);
        bought.forEach((customer, products) -> {
            reachable[customer] = products.stream().mapToInt(train::productIndex).filter(i -> i >= 0).sorted().toArray();
            count[customer] = products.size();
        });
        return new HeldOutPurchases(reachable, count);
    }

    /** Customers with at least one relevant product: the ones a metric averages over. */
    public int customers() {
        return (int) Arrays.stream(relevantCount).filter(c -> c > 0).count();
    }
}
