package com.commerceinsight.segmentation.scoring;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import com.commerceinsight.segmentation.features.PurchaseSummary;

/**
 * A segmented customer's kept summary, segment and assessment time, read as a plain row: the RFM map and the PCA
 * picture read tens of thousands of customers per request (75,964 on the 1,000,000-order shop), and managing an entity
 * for each (loaded, snapshotted, checked at flush) cost more than reading them.
 */
public record AssessedCustomer(long customerId, int segmentId, PurchaseSummary summary, LocalDateTime assessedAt) {

    private static final String SELECT = "select new " + AssessedCustomer.class.getName() + "(c.customerId, c.segmentId,"
            + " c.orders, c.spend, c.firstOrderAt, c.lastOrderAt, c.sessions, c.assessedAt) from CustomerSegment c"
            + " where c.segmentId is not null";

    /** The row as the query selects it. */
    public AssessedCustomer(Long customerId, Integer segmentId, Integer orders, BigDecimal spend, LocalDateTime firstOrderAt,
            LocalDateTime lastOrderAt, Integer sessions, LocalDateTime assessedAt) {
        this(customerId, segmentId, CustomerSegment.stored(customerId, orders, spend, firstOrderAt, lastOrderAt, sessions), assessedAt);
    }

    /** The segmented customers without a kept square of the RFM map of this model, streamed. */
    public static Stream<AssessedCustomer> withoutKeptRfm(EntityManager entityManager, long modelId) {
        return entityManager.createQuery(SELECT + " and (c.rfmRecency is null or c.modelId <> :model)", AssessedCustomer.class)
                .setParameter("model", modelId).getResultStream();
    }

    /** Those of these customers that are segmented, by id. */
    public static List<AssessedCustomer> of(EntityManager entityManager, Collection<Long> customerIds) {
        return entityManager.createQuery(SELECT + " and c.customerId in :ids order by c.customerId", AssessedCustomer.class)
                .setParameter("ids", customerIds).getResultList();
    }
}
