package com.commerceinsight.analytics.dashboards;

/**
 * What the summaries need to know of an order's customer and products: where the customer is (the summaries' state
 * and country) and which category each product is in. The order ingest answers from what it read for the whole batch;
 * otherwise the summaries look the entities up.
 */
public interface OrderReferences {

    /** The customer's place; null for a customer not known. */
    CustomerPlace customer(long customerId);

    /** The product's category; null when it has none. */
    Long categoryOf(long productId);

    /** A customer's state and country as stored (either may be null). */
    record CustomerPlace(String state, String country) {
    }
}
