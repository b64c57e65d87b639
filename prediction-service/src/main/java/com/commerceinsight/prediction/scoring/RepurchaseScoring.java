package com.commerceinsight.prediction.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.FeatureExtractor;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Scores customers with the active model: features computed now from the commerce history by the same code that
 * builds training snapshots, so serving and training cannot drift apart.
 */
@ApplicationScoped
public class RepurchaseScoring {

    /** A customer's score and why. */
    public record CustomerRepurchase(long customerId, long modelVersionId, LocalDateTime asOf, double probability,
                                     boolean predictedRepurchase, double threshold, List<ServingModel.Contribution> topContributions) {
    }

    private final ActiveModel activeModel;
    private final AgroalDataSource dataSource;
    private final ServingConfig config;
    private final ObjectMapper json;

    public RepurchaseScoring(ActiveModel activeModel, AgroalDataSource dataSource, ServingConfig config, ObjectMapper json) {
        this.activeModel = activeModel;
        this.dataSource = dataSource;
        this.config = config;
        this.json = json;
    }

    /** Empty when the customer has no order before now. */
    public Optional<CustomerRepurchase> scoreCustomer(long customerId) throws SQLException {
        ServingModel model = activeModel.current().orElseThrow(ScoringUnavailableException::new);
        LocalDateTime asOf = asOf();
        CustomerHistory history = histories(List.of(customerId)).get(customerId);
        if (history == null || history.salesBefore(asOf) == 0) {
            return Optional.empty();
        }
        double[] row = FeatureExtractor.extract(history, asOf);
        double probability = model.probabilities(new double[][] {row})[0];
        return Optional.of(new CustomerRepurchase(customerId, model.versionId(), asOf, probability, probability >= model.threshold(),
                model.threshold(), model.topContributions(row, config.topContributions())));
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

    /**
     * Rescores the given customers inside the caller's transaction and stores each new score; returns the events to
     * publish once that transaction commits. Nothing when no model is active.
     *
     * @param causedBy per customer, the order event that changed them
     */
    public List<RepurchaseScoreEvent> rescore(Map<Long, UUID> causedBy) throws SQLException {
        Optional<ServingModel> active = activeModel.current();
        if (active.isEmpty() || causedBy.isEmpty()) {
            return List.of();
        }
        ServingModel model = active.get();
        LocalDateTime asOf = asOf();
        List<CustomerHistory> histories = new ArrayList<>(histories(causedBy.keySet()).values());
        histories.removeIf(history -> history.salesBefore(asOf) == 0);
        double[][] rows = histories.stream().map(history -> FeatureExtractor.extract(history, asOf)).toArray(double[][]::new);
        double[] probabilities = model.probabilities(rows);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<RepurchaseScoreEvent> events = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            long customerId = histories.get(i).customerId();
            CustomerScore score = CustomerScore.<CustomerScore>findByIdOptional(customerId).orElseGet(CustomerScore::new);
            boolean isNew = score.customerId == null;
            score.customerId = customerId;
            score.modelVersionId = model.versionId();
            score.probability = probabilities[i];
            score.predictedRepurchase = probabilities[i] >= model.threshold();
            score.features = featuresJson(rows[i]);
            score.asOf = asOf;
            score.scoredAt = now;
            if (isNew) {
                score.persist();
            }
            events.add(new RepurchaseScoreEvent(UUID.randomUUID(), RepurchaseScoreEvent.SCHEMA_VERSION, Instant.now(), customerId,
                    model.versionId(), probabilities[i], score.predictedRepurchase, model.threshold(), asOf, causedBy.get(customerId)));
        }
        return events;
    }

    private Map<Long, CustomerHistory> histories(Collection<Long> customerIds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new CommerceHistoryReader(connection).read(customerIds);
        }
    }

    private LocalDateTime asOf() {
        return config.asOf().orElseGet(() -> LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    private String featuresJson(double[] row) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (RepurchaseFeature feature : RepurchaseFeature.values()) {
            double value = row[feature.ordinal()];
            byName.put(feature.featureName(), Double.isNaN(value) ? null : value);
        }
        try {
            return json.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
