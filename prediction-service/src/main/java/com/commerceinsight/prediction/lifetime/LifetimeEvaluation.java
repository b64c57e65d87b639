package com.commerceinsight.prediction.lifetime;

import java.time.LocalDateTime;

import com.commerceinsight.prediction.training.ClassificationMetrics;

/**
 * The report of the buy-till-you-die models in a training job, beside the classifiers' rows: the parameters fitted on
 * the training snapshot (purchases before T - H, no label used) and how the BG/NBD predicted the training period
 * (T - H, T] from that snapshot and, out of time, (T, T + H] from the summaries at T with the same parameters.
 *
 * @param bgNbd              r, alpha (days), a, b
 * @param gammaGamma         p, q, v (currency); null when too few customers had a repeat purchase
 * @param fitLogLikelihood   the BG/NBD log-likelihood at the fitted parameters, summed over the fit's customers
 * @param threshold          P(at least one purchase) at or above which a customer is predicted to buy: the one that
 *                           maximises F1 on the training period, as the classifiers' threshold is chosen on training data
 * @param trainingPeriod     predictions from the summaries at T - H against purchases in (T - H, T]
 * @param outOfTime          predictions from the summaries at T against purchases in (T, T + H]
 */
public record LifetimeEvaluation(String algorithm, BgNbdModel bgNbd, GammaGammaModel gammaGamma, LocalDateTime trainCutoff,
                                 LocalDateTime testCutoff, int horizonDays, String timeUnit, int fitCustomers,
                                 double fitLogLikelihood, int gammaGammaCustomers, double threshold, Figures trainingPeriod,
                                 Figures outOfTime, long trainingMillis) {

    public static final String ALGORITHM = "BG_NBD";

    /**
     * One period's figures. Purchases are days with a sale order, what the model counts.
     *
     * @param classification     the classifiers' figures for P(at least one purchase in the period) against the label
     *                           (ROC AUC, PR AUC, F1, Brier... at {@code threshold})
     * @param purchasesMae       mean over customers of |expected - actual purchases|
     * @param predictedPurchases the sum of the customers' expected purchases
     * @param actualPurchases    the sum of their actual purchases
     */
    public record Figures(ClassificationMetrics.Report classification, double purchasesMae, double predictedPurchases,
                          long actualPurchases) {
    }
}
