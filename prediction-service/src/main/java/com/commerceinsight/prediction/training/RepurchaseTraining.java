package com.commerceinsight.prediction.training;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.Snapshot;
import com.commerceinsight.prediction.lifetime.LifetimeTraining;
import com.commerceinsight.prediction.lifetime.LifetimeVersion;
import com.commerceinsight.prediction.models.ModelRegistry;
import com.commerceinsight.prediction.models.ModelVersion;

import io.agroal.api.AgroalDataSource;

/**
 * One training run: reads the commerce history once, cuts the training snapshot at T - H and the test snapshot at
 * T, evaluates and registers each algorithm, and activates the one with the best cross-validated ROC AUC (chosen
 * on the training snapshot; the test set picks nothing).
 */
@ApplicationScoped
public class RepurchaseTraining {

    private final AgroalDataSource dataSource;
    private final ModelRegistry registry;
    private final TrainingConfig config;
    private final LifetimeTraining lifetime;

    public RepurchaseTraining(AgroalDataSource dataSource, ModelRegistry registry, TrainingConfig config, LifetimeTraining lifetime) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.config = config;
        this.lifetime = lifetime;
    }

    /** @param progress receives the stage in words and the share done */
    public TrainingReport run(TrainingRequest request, String jobId, BiConsumer<String, Double> progress) throws SQLException {
        progress.accept("reading the commerce history", 0.0);
        Map<Long, CustomerHistory> histories;
        try (Connection connection = dataSource.getConnection()) {
            histories = new CommerceHistoryReader(connection).readAll();
        }
        int horizon = request.horizonDays() != null ? request.horizonDays() : config.horizonDays();
        LocalDateTime cutoff = request.cutoff() != null ? request.cutoff() : defaultCutoff(histories.values(), horizon);
        Snapshot train = Snapshot.at(histories.values(), cutoff.minusDays(horizon), horizon);
        Snapshot test = Snapshot.at(histories.values(), cutoff, horizon);
        if (train.positives() == 0 || train.positives() == train.size() || test.size() == 0) {
            throw new IllegalStateException("the training snapshot at " + train.cutoff() + " needs customers of both classes and the test "
                    + "snapshot at " + cutoff + " customers: found " + train.size() + " (" + train.positives() + " positive) and " + test.size());
        }
        progress.accept("fitting BG/NBD and Gamma-Gamma", 0.02);
        LifetimeVersion lifetimeVersion = lifetime.fitAndRegister(histories.values(), cutoff, horizon, jobId, request.activate());
        ModelEvaluator evaluator = new ModelEvaluator(config.folds(), config.seed(), config.threads());
        List<TrainingReport.TrainedVersion> versions = new ArrayList<>();
        List<Algorithm> algorithms = request.algorithms();
        for (int a = 0; a < algorithms.size(); a++) {
            Algorithm algorithm = algorithms.get(a);
            double base = 0.05 + 0.95 * a / algorithms.size();
            progress.accept("training " + algorithm, base);
            ModelEvaluator.TrainedModel trained = evaluator.evaluate(algorithm, train, test,
                    share -> progress.accept("training " + algorithm, base + 0.95 * share / algorithms.size()));
            ModelVersion version = registry.register(trained, jobId);
            versions.add(new TrainingReport.TrainedVersion(version.id, trained.evaluation()));
        }
        Long activated = null;
        if (request.activate()) {
            activated = versions.stream().max(Comparator.comparingDouble(v -> orZero(v.evaluation().crossValidation().rocAuc())))
                    .map(TrainingReport.TrainedVersion::modelVersionId).orElseThrow();
            registry.activate(activated);
        }
        return new TrainingReport(train.cutoff(), cutoff, horizon, train.size(), train.positives(), test.size(), test.positives(),
                versions, activated, lifetimeVersion);
    }

    /** The last order's day minus H: the latest T whose test labels are complete. */
    static LocalDateTime defaultCutoff(java.util.Collection<CustomerHistory> histories, int horizonDays) {
        LocalDateTime last = histories.stream().flatMap(h -> h.orders().stream()).map(CustomerHistory.Order::orderedAt)
                .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException("the commerce schema has no orders"));
        return last.truncatedTo(ChronoUnit.DAYS).minusDays(horizonDays);
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
