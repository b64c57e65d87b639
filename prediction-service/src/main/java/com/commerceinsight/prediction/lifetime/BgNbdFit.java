package com.commerceinsight.prediction.lifetime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The maximum-likelihood BG/NBD on customer summaries. Customers with the same (x, t_x, T) share one likelihood term
 * weighted by their count, so a fit costs the distinct summaries (a few thousand on daily data), not the customers.
 * Times are rescaled so the oldest customer is 10 units old while searching (the likelihood's optimum does not move:
 * alpha scales with time, r, a and b do not), which keeps the four log-parameters on one scale; alpha is returned in days.
 */
public final class BgNbdFit {

    /** The fitted model, its maximised log-likelihood (summed over customers) and the customers it was fitted on. */
    public record Result(BgNbdModel model, double logLikelihood, int customers) {
    }

    private record Key(int frequency, double recency, double age) {
    }

    private BgNbdFit() {
    }

    public static Result fit(Collection<CustomerSummary> summaries) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit the BG/NBD on");
        }
        Map<Key, Integer> counts = new HashMap<>();
        double oldest = 0;
        for (CustomerSummary s : summaries) {
            counts.merge(new Key(s.frequency(), s.recencyDays(), s.ageDays()), 1, Integer::sum);
            oldest = Math.max(oldest, s.ageDays());
        }
        double scale = oldest > 0 ? 10 / oldest : 1;
        int n = counts.size();
        int[] x = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        double[] weight = new double[n];
        int i = 0;
        for (Map.Entry<Key, Integer> group : counts.entrySet()) {
            x[i] = group.getKey().frequency();
            recency[i] = group.getKey().recency() * scale;
            age[i] = group.getKey().age() * scale;
            weight[i] = group.getValue();
            i++;
        }
        double customers = summaries.size();
        double[] best = PositiveParameterSearch.minimise(p -> {
            BgNbdModel model = new BgNbdModel(p[0], p[1], p[2], p[3]);
            double sum = 0;
            for (int g = 0; g < n; g++) {
                sum += weight[g] * BgNbdLikelihood.logLikelihood(model, x[g], recency[g], age[g]);
            }
            return -sum / customers;
        }, new double[] {1, 1, 1, 1});
        BgNbdModel model = new BgNbdModel(best[0], best[1] / scale, best[2], best[3]);
        double logLikelihood = 0;
        for (CustomerSummary s : summaries) {
            logLikelihood += BgNbdLikelihood.logLikelihood(model, s.frequency(), s.recencyDays(), s.ageDays());
        }
        return new Result(model, logLikelihood, summaries.size());
    }
}
