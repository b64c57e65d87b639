package com.commerceinsight.prediction.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.Collection;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.Snapshot;
import com.commerceinsight.prediction.lifetime.LifetimeEvaluation;
import com.commerceinsight.prediction.lifetime.LifetimeEvaluator;
import com.commerceinsight.prediction.training.Algorithm;
import com.commerceinsight.prediction.training.ClassificationMetrics;
import com.commerceinsight.prediction.training.ModelEvaluator;

/**
 * The out-of-time rows of a training job's report, printed as one table: the random forest and the boosted trees
 * (ModelEvaluator) and the BG/NBD (LifetimeEvaluator), on the snapshots a job cuts (training at T - H, test at T), from
 * a commerce database. The same evaluation code as a job, without the service around it.
 *   java -cp ... OutOfTimeComparison JDBC_URL T (-Dhorizon=90 -Dfolds=10 -Dthreads=2)
 */
public final class OutOfTimeComparison {

    public static void main(String[] args) throws Exception {
        int horizon = Integer.getInteger("horizon", 90);
        int folds = Integer.getInteger("folds", 10);
        int threads = Integer.getInteger("threads", 2);
        LocalDateTime cutoff = LocalDateTime.parse(args[1]);
        Collection<CustomerHistory> histories;
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            histories = new CommerceHistoryReader(connection).readAll().values();
        }
        Snapshot train = Snapshot.at(histories, cutoff.minusDays(horizon), horizon);
        Snapshot test = Snapshot.at(histories, cutoff, horizon);
        System.out.printf("T %s, H %d days, %d-fold CV; train / test customers (positives) %,d (%,d) / %,d (%,d)%n", cutoff, horizon,
                folds, train.size(), train.positives(), test.size(), test.positives());
        System.out.println("| model | training ROC AUC | out-of-time ROC AUC | PR AUC | F1 | accuracy | Brier | threshold | purchases MAE | predicted / actual purchases | time s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        LifetimeEvaluation lifetime = LifetimeEvaluator.evaluate(histories, cutoff, horizon);
        ModelEvaluator evaluator = new ModelEvaluator(folds, 42, threads);
        for (Algorithm algorithm : Algorithm.values()) {
            ModelEvaluator.TrainedModel trained = evaluator.evaluate(algorithm, train, test, share -> { });
            var e = trained.evaluation();
            row(algorithm.name(), "CV " + f(e.crossValidation().rocAuc()), e.outOfTime(), "", "", e.trainingMillis());
        }
        LifetimeEvaluation.Figures t = lifetime.outOfTime();
        row("BG_NBD", "period " + f(lifetime.trainingPeriod().classification().rocAuc()), t.classification(), f(t.purchasesMae()),
                String.format("%,.0f / %,d", t.predictedPurchases(), t.actualPurchases()), lifetime.trainingMillis());
        System.out.printf("BG/NBD %s on %,d customers, log-likelihood %.1f; Gamma-Gamma %s on %,d; training period: purchases MAE %s, "
                + "predicted / actual %,.0f / %,d%n", lifetime.bgNbd(), lifetime.fitCustomers(), lifetime.fitLogLikelihood(),
                lifetime.gammaGamma(), lifetime.gammaGammaCustomers(), f(lifetime.trainingPeriod().purchasesMae()),
                lifetime.trainingPeriod().predictedPurchases(), lifetime.trainingPeriod().actualPurchases());
        System.out.printf("BG/NBD out-of-time confusion at %.3f: %s%n", lifetime.threshold(), t.classification().confusion());
    }

    private static void row(String model, String training, ClassificationMetrics.Report r, String mae, String counts, long millis) {
        System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |%n", model, training, f(r.rocAuc()), f(r.prAuc()),
                f(r.f1()), f(r.accuracy()), f(r.brier()), f(r.threshold()), mae, counts, millis / 1000.0);
    }

    private static String f(double value) {
        return String.format("%.3f", value);
    }
}
