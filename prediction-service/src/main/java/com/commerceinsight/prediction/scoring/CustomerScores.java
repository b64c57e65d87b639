package com.commerceinsight.prediction.scoring;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    /** The stored rows of these customers, by customer id, in one query. */
    public Map<Long, CustomerScore> rows(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return CustomerScore.<CustomerScore>list("customerId in ?1", customerIds).stream()
                .collect(Collectors.toMap(row -> row.customerId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
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
