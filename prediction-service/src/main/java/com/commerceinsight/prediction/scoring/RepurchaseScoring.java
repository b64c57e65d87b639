package com.commerceinsight.prediction.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.FeatureExtractor;
import com.commerceinsight.prediction.features.RepurchaseFeature;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Scores customers with the active model. Features come from the same code that builds training snapshots, so
 * serving and training cannot drift apart. The order event consumer keeps each touched customer's feature vector in
 * prediction.customer_score; a request moves that vector to its own time (the clock-dependent features recomputed
 * from the stored dates), and only a customer no event has touched yet is read from the commerce history, once.
 */
@ApplicationScoped
public class RepurchaseScoring {

    private static final Logger LOG = Logger.getLogger(RepurchaseScoring.class);

    /** A customer's score and why. */
    public record CustomerRepurchase(
            long customerId, long modelVersionId,
            @Schema(description = "the time the score is for (UTC): now, or the configured as-of time; recency, tenure and the "
                    + "recent windows are counted up to it") LocalDateTime asOf,
            @Schema(description = "P(at least one order within H days after asOf)") double probability,
            @Schema(description = "probability >= threshold") boolean predictedRepurchase, double threshold,
            @Schema(description = "the largest contributions to the log-odds (XGBoost SHAP values), empty when contributions=0")
            List<ServingModel.Contribution> topContributions,
            @Schema(description = "when the customer's facts (orders, payments, reviews...) were last read from the commerce "
                    + "history: at their last order event, or at the first request") LocalDateTime featuresComputedAt,
            @Schema(description = "the latest sale order the score counts (UTC); an order placed after it is not in the score "
                    + "yet") LocalDateTime lastOrderAt) {
    }

    private final ActiveModel activeModel;
    private final AgroalDataSource dataSource;
    private final ServingConfig config;
    private final CustomerScores stored;
    private final ServingVectors vectors;
    private final EventHistories eventHistories;

    public RepurchaseScoring(ActiveModel activeModel, AgroalDataSource dataSource, ServingConfig config, CustomerScores stored,
                             ServingVectors vectors, EventHistories eventHistories) {
        this.eventHistories = eventHistories;
        this.activeModel = activeModel;
        this.dataSource = dataSource;
        this.config = config;
        this.stored = stored;
        this.vectors = vectors;
    }

    /**
     * The customer's score now, with the given number of top contributions (0 for none: they cost a SHAP pass over
     * every tree). Empty when the customer has no order before now. The vector comes from this replica's cache, else
     * from the stored row, else (a customer no event has touched yet) from the commerce history, stored for next time.
     */
    public Optional<CustomerRepurchase> scoreCustomer(long customerId, int contributions) throws SQLException {
        ServingModel model = activeModel.current().orElseThrow(ScoringUnavailableException::new);
        LocalDateTime now = asOf();
        Optional<CustomerScores.FeatureVector> vector = vectors.get(customerId, id -> load(id, model, now));
        if (vector.isEmpty()) {
            return Optional.empty();
        }
        CustomerScores.FeatureVector v = vector.get();
        if (v.computedAt().isAfter(now)) {
            // only when now is set back (prediction.serving.as-of) or a replica's clock is behind: count from the history
            CustomerHistory history = historyIfOrdered(customerId, now);
            return history == null ? Optional.empty()
                    : Optional.of(answer(customerId, model, now, FeatureExtractor.extract(history, now), contributions, now,
                            FeatureExtractor.anchors(history, now).lastOrderAt()));
        }
        double[] row = FeatureExtractor.ageTo(v.features(), v.anchors(), v.computedAt(), now);
        return Optional.of(answer(customerId, model, now, row, contributions, v.computedAt(),
                v.anchors() == null ? null : v.anchors().lastOrderAt()));
    }

    /** A cache miss: the stored vector, or the history read once and its vector stored; empty without an order before now. */
    private Optional<CustomerScores.FeatureVector> load(long customerId, ServingModel model, LocalDateTime now) throws SQLException {
        Optional<CustomerScores.FeatureVector> storedVector = stored.storedVector(customerId);
        if (storedVector.isPresent()) {
            return storedVector;
        }
        CustomerHistory history = historyIfOrdered(customerId, now);
        if (history == null) {
            return Optional.empty();
        }
        CustomerScores.FeatureVector vector = new CustomerScores.FeatureVector(customerId, FeatureExtractor.extract(history, now),
                FeatureExtractor.anchors(history, now), now);
        storeFirstVector(vector, model);
        return Optional.of(vector);
    }

    private CustomerRepurchase answer(long customerId, ServingModel model, LocalDateTime now, double[] row, int contributions,
                                      LocalDateTime computedAt, LocalDateTime lastOrderAt) {
        ServingModel.Score score = model.score(row, contributions);
        return new CustomerRepurchase(customerId, model.versionId(), now, score.probability(), score.probability() >= model.threshold(),
                model.threshold(), score.topContributions(), computedAt, lastOrderAt);
    }

    /**
     * Stores the vector read on demand, so the customer's next request (on any replica) is served from it; only when the
     * customer still has no usable row (an order event may have written a newer one meanwhile). Losing that race to a
     * concurrent writer is harmless: their row is as good.
     */
    private void storeFirstVector(CustomerScores.FeatureVector vector, ServingModel model) {
        double probability = model.score(vector.features(), 0).probability();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                CustomerScore existing = CustomerScore.findById(vector.customerId());
                if (existing == null || existing.timeAnchors == null) {
                    stored.write(existing, vector, model.versionId(), probability, probability >= model.threshold(), now());
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("features of customer %d not stored (a concurrent writer won): %s", vector.customerId(), e.getMessage());
        }
    }

    /** Probabilities of a batch of rows, and the model version and threshold that gave them. */
    public record BatchScores(long modelVersionId, double threshold, double[] probabilities) {
    }

    /** Scores rows of features given by name; a feature left out is missing (NaN). */
    public BatchScores scoreRows(List<Map<String, Double>> rows) {
        ServingModel model = activeModel.current().orElseThrow(ScoringUnavailableException::new);
        double[][] matrix = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            matrix[r] = new double[RepurchaseFeature.values().length];
            for (RepurchaseFeature feature : RepurchaseFeature.values()) {
                Double value = rows.get(r).get(feature.featureName());
                matrix[r][feature.ordinal()] = value == null ? Double.NaN : value;
            }
        }
        return new BatchScores(model.versionId(), model.threshold(), model.probabilities(matrix));
    }

    /** What a batch of order events changed about one customer: the orders they name, and the last event. */
    public record Touched(Set<Long> orderIds, UUID causedBy) {
    }

    /**
     * Rescores the given customers inside the caller's transaction and stores each new score and feature vector;
     * returns the events to publish once that transaction commits. Nothing when no model is active. The whole batch
     * costs a fixed number of statements (the orders the events name, the histories of customers not kept in memory,
     * the batched score writes; IN lists of at most 500) and one DJL call, however many customers it touched.
     *
     * @param touched per customer, the orders their events named and the last of those events
     */
    public List<RepurchaseScoreEvent> rescore(Map<Long, Touched> touched) throws SQLException {
        Optional<ServingModel> active = activeModel.current();
        if (active.isEmpty() || touched.isEmpty()) {
            return List.of();
        }
        ServingModel model = active.get();
        LocalDateTime asOf = asOf();
        Map<Long, Set<Long>> orders = new LinkedHashMap<>();
        touched.forEach((customer, of) -> orders.put(customer, of.orderIds()));
        try (Connection connection = dataSource.getConnection()) {
            List<CustomerHistory> histories = new ArrayList<>(eventHistories.current(connection, orders).values());
            histories.removeIf(history -> history.salesBefore(asOf) == 0);
            double[][] rows = histories.stream().map(history -> FeatureExtractor.extract(history, asOf)).toArray(double[][]::new);
            double[] probabilities = model.probabilities(rows);
            List<CustomerScores.NewScore> scores = new ArrayList<>(histories.size());
            List<RepurchaseScoreEvent> events = new ArrayList<>(histories.size());
            for (int i = 0; i < histories.size(); i++) {
                CustomerHistory history = histories.get(i);
                long customerId = history.customerId();
                boolean predicted = probabilities[i] >= model.threshold();
                scores.add(new CustomerScores.NewScore(new CustomerScores.FeatureVector(customerId, rows[i],
                        FeatureExtractor.anchors(history, asOf), asOf), model.versionId(), probabilities[i], predicted));
                events.add(new RepurchaseScoreEvent(UUID.randomUUID(), RepurchaseScoreEvent.SCHEMA_VERSION, Instant.now(), customerId,
                        model.versionId(), probabilities[i], predicted, model.threshold(), asOf, touched.get(customerId).causedBy()));
            }
            stored.writeAll(connection, scores, now());
            return events;
        }
    }

    /** The customer's history, or null when they placed no sale order before the cutoff (checked first: one read). */
    private CustomerHistory historyIfOrdered(long customerId, LocalDateTime cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            CommerceHistoryReader reader = new CommerceHistoryReader(connection);
            return reader.hasSaleBefore(customerId, cutoff) ? reader.read(List.of(customerId)).get(customerId) : null;
        }
    }

    /**
     * The time scores are for: the configured as-of time (replaying a historical data set) or now, UTC, to the
     * millisecond as the commerce tables keep times: features count what happened before it, so a rescore that follows
     * an order within the same second still counts that order (truncating to the second left it out).
     */
    private LocalDateTime asOf() {
        return config.asOf().orElseGet(() -> LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
