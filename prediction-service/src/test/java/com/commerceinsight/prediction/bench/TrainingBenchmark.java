package com.commerceinsight.prediction.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;
import com.commerceinsight.prediction.training.Algorithm;
import com.commerceinsight.prediction.training.FeaturePreprocessor;
import com.commerceinsight.prediction.training.ModelEvaluator;
import com.commerceinsight.prediction.training.XgbModels;

/**
 * Training time of both models, printed (one run each; the machine may be busy). A source is either a commerce
 * database (a JDBC URL: the training snapshot at the last order's day minus 2H, the test snapshot at minus H, as a
 * training job's default) or {@code synthetic:N}, N customers of random features with a planted label in each
 * snapshot, for sizes a generated shop would take too long to make. Per algorithm: the whole evaluation (k-fold
 * cross-validation, the final fit, the test and the permutation importance) and the final fit alone; with
 * -Devaluate=false the final fit alone (the whole evaluation costs about folds + 1 such fits, plus predictions).
 *   java -cp ... TrainingBenchmark SOURCE... (-Dfolds=10 -Dthreads=2 -Dhorizon=90 -Devaluate=true)
 */
public final class TrainingBenchmark {

    public static void main(String[] args) throws Exception {
        int folds = Integer.getInteger("folds", 10);
        int threads = Integer.getInteger("threads", 2);
        int horizon = Integer.getInteger("horizon", 90);
        boolean evaluate = Boolean.parseBoolean(System.getProperty("evaluate", "true"));
        System.out.printf("folds %d, XGBoost threads %d, H %d days%s%n", folds, threads, horizon, evaluate ? "" : ", final fit only");
        System.out.println("source | train / test customers | algorithm | whole evaluation s | final fit s");
        for (String source : args) {
            long started = System.nanoTime();
            Snapshot[] snapshots = source.startsWith("synthetic:")
                    ? synthetic(Integer.parseInt(source.substring("synthetic:".length())), horizon)
                    : fromDatabase(source, horizon);
            Snapshot train = snapshots[0];
            Snapshot test = snapshots[1];
            System.out.printf("%s: snapshots built in %.1f s%n", source, (System.nanoTime() - started) / 1e9);
            ModelEvaluator evaluator = new ModelEvaluator(folds, 42, threads);
            for (Algorithm algorithm : Algorithm.values()) {
                long t0 = System.nanoTime();
                ModelEvaluator.TrainedModel trained = evaluate ? evaluator.evaluate(algorithm, train, test, share -> { }) : null;
                double whole = (System.nanoTime() - t0) / 1e9;
                FeaturePreprocessor preprocessor = FeaturePreprocessor.fit(train.features(), RepurchaseFeature.values().length);
                long t1 = System.nanoTime();
                XgbModels.train(preprocessor.transformFlat(train.features()), train.size(), preprocessor.width(), train.labels(),
                        algorithm.parameters(42, threads), algorithm.rounds()).dispose();
                double finalFit = (System.nanoTime() - t1) / 1e9;
                System.out.printf("%s | %,d / %,d | %s | %s | %.1f   %s%n", source, train.size(), test.size(), algorithm,
                        evaluate ? String.format("%.1f", whole) : "-", finalFit,
                        evaluate ? String.format("(out-of-time ROC AUC %.3f)", trained.evaluation().outOfTime().rocAuc()) : "");
            }
        }
    }

    private static Snapshot[] fromDatabase(String jdbcUrl, int horizon) throws Exception {
        Map<Long, CustomerHistory> histories;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            histories = new CommerceHistoryReader(connection).readAll();
        }
        LocalDateTime last = histories.values().stream().flatMap(h -> h.orders().stream()).map(CustomerHistory.Order::orderedAt)
                .max(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime cutoff = last.toLocalDate().atStartOfDay().minusDays(horizon);
        return new Snapshot[] {Snapshot.at(histories.values(), cutoff.minusDays(horizon), horizon), Snapshot.at(histories.values(), cutoff, horizon)};
    }

    /**
     * Random features of the real ranges' kind (counts, amounts, days; some missing) and a label drawn from a logistic
     * model of recency and frequency: the trees have real structure to find, so they grow as on real data.
     */
    private static Snapshot[] synthetic(int customers, int horizon) {
        Random random = new Random(customers);
        Snapshot[] snapshots = new Snapshot[2];
        for (int s = 0; s < 2; s++) {
            long[] ids = new long[customers];
            double[][] x = new double[customers][RepurchaseFeature.values().length];
            int[] y = new int[customers];
            for (int i = 0; i < customers; i++) {
                ids[i] = i + 1;
                for (int c = 0; c < x[i].length; c++) {
                    x[i][c] = random.nextInt(10) == 0 ? Double.NaN : Math.exp(random.nextGaussian() * 1.5 + c % 5);
                }
                double orders = 1 + random.nextInt(30);
                double recency = random.nextDouble() * 365;
                x[i][RepurchaseFeature.TOTAL_ORDERS.ordinal()] = orders;
                x[i][RepurchaseFeature.DAYS_SINCE_LAST_ORDER.ordinal()] = recency;
                double logit = 0.15 * orders - recency / 60 + 0.5 * random.nextGaussian();
                y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            }
            snapshots[s] = new Snapshot(LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(s * (long) horizon), horizon, ids, x, y);
        }
        return snapshots;
    }
}
