package com.commerceinsight.prediction.lifetime;

import java.util.Collection;
import java.util.List;

/**
 * The maximum-likelihood Gamma-Gamma on the customers with at least one repeat purchase and a positive mean spend
 * (the model says nothing of the first purchase, nor of a zero or negative spend). Spend is divided by its mean while
 * searching, so v starts on the scale of the others, and multiplied back.
 */
public final class GammaGammaFit {

    /** The fitted model, its log-likelihood and the customers it was fitted on. */
    public record Result(GammaGammaModel model, double logLikelihood, int customers) {
    }

    private GammaGammaFit() {
    }

    /** Empty when fewer than {@code minimumCustomers} customers qualify. */
    public static java.util.Optional<Result> fit(Collection<CustomerSummary> summaries, int minimumCustomers) {
        List<CustomerSummary> repeat = summaries.stream().filter(s -> s.frequency() > 0 && s.meanRepeatSpend() > 0).toList();
        if (repeat.size() < Math.max(1, minimumCustomers)) {
            return java.util.Optional.empty();
        }
        double scale = repeat.stream().mapToDouble(CustomerSummary::meanRepeatSpend).average().orElseThrow();
        int n = repeat.size();
        double[] best = PositiveParameterSearch.minimise(params -> {
            GammaGammaModel model = new GammaGammaModel(params[0], params[1], params[2]);
            double sum = 0;
            for (CustomerSummary s : repeat) {
                sum += model.logLikelihood(s.frequency(), s.meanRepeatSpend() / scale);
            }
            return -sum / n;
        }, new double[] {1, 2, 1});
        GammaGammaModel model = new GammaGammaModel(best[0], best[1], best[2] * scale);
        double logLikelihood = repeat.stream().mapToDouble(s -> model.logLikelihood(s.frequency(), s.meanRepeatSpend())).sum();
        return java.util.Optional.of(new Result(model, logLikelihood, n));
    }
}
