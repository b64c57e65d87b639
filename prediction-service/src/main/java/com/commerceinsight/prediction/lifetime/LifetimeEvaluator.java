package com.commerceinsight.prediction.lifetime;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.RepurchaseLabeler;
import com.commerceinsight.prediction.training.ClassificationMetrics;
import com.commerceinsight.prediction.training.ThresholdSelector;

/**
 * Fits the BG/NBD and Gamma-Gamma with the classifiers' protocol and reports them. The population of each snapshot is
 * the classifiers' (customers with a sale order before the cutoff), and the label the same (a sale order in the H days
 * after it). The models are fitted on the summaries at T - H only; the out-of-time figures apply those parameters to
 * the summaries at T, so nothing after T - H shapes the parameters and nothing after T the predictions.
 */
public final class LifetimeEvaluator {

    /** Gamma-Gamma is not fitted on fewer repeat customers: its three parameters would say little. */
    static final int MINIMUM_SPEND_CUSTOMERS = 20;

    private LifetimeEvaluator() {
    }

    public static LifetimeEvaluation evaluate(Collection<CustomerHistory> histories, LocalDateTime testCutoff, int horizonDays) {
        long started = System.nanoTime();
        LocalDateTime trainCutoff = testCutoff.minusDays(horizonDays);
        Period train = Period.at(histories, trainCutoff, horizonDays);
        BgNbdFit.Result fit = BgNbdFit.fit(train.summaries);
        GammaGammaFit.Result spend = GammaGammaFit.fit(train.summaries, MINIMUM_SPEND_CUSTOMERS).orElse(null);
        BgNbdModel model = fit.model();
        double[] trainP = train.probabilities(model);
        double threshold = ThresholdSelector.maximiseF1(train.labels(), trainP);
        LifetimeEvaluation.Figures trainingPeriod = train.figures(model, trainP, threshold);
        Period test = Period.at(histories, testCutoff, horizonDays);
        LifetimeEvaluation.Figures outOfTime = test.figures(model, test.probabilities(model), threshold);
        return new LifetimeEvaluation(LifetimeEvaluation.ALGORITHM, model, spend == null ? null : spend.model(), trainCutoff,
                testCutoff, horizonDays, "days", fit.customers(), fit.logLikelihood(), spend == null ? 0 : spend.customers(),
                threshold, trainingPeriod, outOfTime, (System.nanoTime() - started) / 1_000_000);
    }

    /** The customers at a cutoff: their summaries, and their purchases in the H days after it. */
    private record Period(int horizonDays, List<CustomerSummary> summaries, int[] purchases, List<Integer> labelList) {

        static Period at(Collection<CustomerHistory> histories, LocalDateTime cutoff, int horizonDays) {
            List<CustomerSummary> summaries = new ArrayList<>();
            List<Integer> purchases = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (CustomerHistory history : histories) {
                CustomerSummary summary = CustomerSummary.at(history, cutoff);
                if (summary != null) {
                    summaries.add(summary);
                    purchases.add(CustomerSummary.purchaseDaysIn(history, cutoff, cutoff.plusDays(horizonDays)));
                    labels.add(RepurchaseLabeler.label(history, cutoff, horizonDays));
                }
            }
            if (summaries.isEmpty()) {
                throw new IllegalStateException("no customer has a sale order before " + cutoff);
            }
            return new Period(horizonDays, summaries, purchases.stream().mapToInt(Integer::intValue).toArray(), labels);
        }

        int[] labels() {
            return labelList.stream().mapToInt(Integer::intValue).toArray();
        }

        double[] probabilities(BgNbdModel model) {
            return summaries.stream().mapToDouble(s -> model.probabilityOfPurchase(horizonDays, s.frequency(), s.recencyDays(),
                    s.ageDays())).toArray();
        }

        LifetimeEvaluation.Figures figures(BgNbdModel model, double[] probabilities, double threshold) {
            double absoluteErrors = 0;
            double predicted = 0;
            long actual = 0;
            for (int i = 0; i < summaries.size(); i++) {
                CustomerSummary s = summaries.get(i);
                double expected = model.expectedPurchases(horizonDays, s.frequency(), s.recencyDays(), s.ageDays());
                absoluteErrors += Math.abs(expected - purchases[i]);
                predicted += expected;
                actual += purchases[i];
            }
            return new LifetimeEvaluation.Figures(ClassificationMetrics.report(labels(), probabilities, threshold),
                    absoluteErrors / summaries.size(), predicted, actual);
        }
    }
}
