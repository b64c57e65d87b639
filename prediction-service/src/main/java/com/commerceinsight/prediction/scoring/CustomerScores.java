package com.commerceinsight.prediction.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.TimeAnchors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored customer scores (prediction.customer_score): each customer's feature vector, the dates its clock-dependent
 * features count from, and the score last computed from it. The feature vector is the serving path's source: a request
 * moves it to its own time instead of reading the commerce history.
 */
@ApplicationScoped
public class CustomerScores {

    /** A customer's full feature vector (every RepurchaseFeature, in order) computed at {@code computedAt}. */
    public record FeatureVector(long customerId, double[] features, TimeAnchors anchors, LocalDateTime computedAt) {
    }

    private static final TypeReference<Map<String, Double>> BY_NAME = new TypeReference<>() { };

    private final ObjectMapper json;

    public CustomerScores(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The customer's stored vector, when there is one this version of the service can use: every feature present and
     * its anchors stored (rows written before anchors existed are not).
     */
    public Optional<FeatureVector> storedVector(long customerId) {
        return CustomerScore.<CustomerScore>findByIdOptional(customerId).flatMap(this::vectorOf);
    }

    /**
     * Writes a score inside the caller's transaction: into {@code existing} when the customer has a row (from
     * {@link #rows}), else into a new one.
     */
    public CustomerScore write(CustomerScore existing, FeatureVector vector, long modelVersionId, double probability,
                               boolean predictedRepurchase, LocalDateTime scoredAt) {
        CustomerScore row = existing != null ? existing : new CustomerScore();
        row.customerId = vector.customerId();
        row.modelVersionId = modelVersionId;
        row.probability = probability;
        row.predictedRepurchase = predictedRepurchase;
        row.features = featuresJson(vector.features());
        row.timeAnchors = write(vector.anchors());
        row.asOf = vector.computedAt();
        row.scoredAt = scoredAt;
        if (existing == null) {
            row.persist();
        }
        return row;
    }

    /** A score to store: the vector it was computed from, the version and its answer. */
    public record NewScore(FeatureVector vector, long modelVersionId, double probability, boolean predictedRepurchase) {
    }

    private static final String UPDATE = "UPDATE prediction.customer_score SET model_version_id = ?, probability = ?,"
            + " predicted_repurchase = ?, features = ?, time_anchors = ?, as_of = ?, scored_at = ? WHERE customer_id = ?";
    private static final String INSERT = "INSERT INTO prediction.customer_score (model_version_id, probability,"
            + " predicted_repurchase, features, time_anchors, as_of, scored_at, customer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Stores a batch of scores on the caller's connection (its transaction): one batched UPDATE, then one batched INSERT
     * for the customers that had no row. Plain JDBC rather than the entity: an order event batch rewrites every row it
     * touches, so loading the rows first and letting Hibernate compare them costs reads and CPU that buy nothing. A
     * concurrent first insert of the same customer by another replica fails this transaction, which is retried.
     */
    public void writeAll(Connection connection, List<NewScore> scores, LocalDateTime scoredAt) throws SQLException {
        if (scores.isEmpty()) {
            return;
        }
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (NewScore score : scores) {
                bind(update, score, scoredAt);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<NewScore> missing = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (updated[i] == 0) {
                missing.add(scores.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (NewScore score : missing) {
                bind(insert, score, scoredAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void bind(PreparedStatement statement, NewScore score, LocalDateTime scoredAt) throws SQLException {
        statement.setLong(1, score.modelVersionId());
        statement.setDouble(2, score.probability());
        statement.setBoolean(3, score.predictedRepurchase());
        statement.setString(4, featuresJson(score.vector().features()));
        statement.setString(5, write(score.vector().anchors()));
        statement.setObject(6, score.vector().computedAt());
        statement.setObject(7, scoredAt);
        statement.setLong(8, score.vector().customerId());
    }

    private Optional<FeatureVector> vectorOf(CustomerScore row) {
        if (row.timeAnchors == null) {
            return Optional.empty();
        }
        try {
            Map<String, Double> byName = json.readValue(row.features, BY_NAME);
            double[] features = new double[RepurchaseFeature.values().length];
            for (RepurchaseFeature feature : RepurchaseFeature.values()) {
                if (!byName.containsKey(feature.featureName())) {
                    return Optional.empty();
                }
                Double value = byName.get(feature.featureName());
                features[feature.ordinal()] = value == null ? Double.NaN : value;
            }
            return Optional.of(new FeatureVector(row.customerId, features, json.readValue(row.timeAnchors, TimeAnchors.class), row.asOf));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private String featuresJson(double[] row) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (RepurchaseFeature feature : RepurchaseFeature.values()) {
            double value = row[feature.ordinal()];
            byName.put(feature.featureName(), Double.isNaN(value) ? null : value);
        }
        return write(byName);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
