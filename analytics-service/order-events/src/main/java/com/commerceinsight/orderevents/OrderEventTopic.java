package com.commerceinsight.orderevents;

/** The order events topic, its dead-letter topic and its contract version (deploy/events/commerce.orders.v1.schema.json). */
public final class OrderEventTopic {

    public static final String NAME = "commerce.orders.v1";
    public static final String DEAD_LETTER = "commerce.orders.v1.dlq";
    public static final int SCHEMA_VERSION = 1;
    /** The message key of an anonymous sale's events (no customer): they still keep one partition's order. */
    public static final String ANONYMOUS_KEY = "anonymous";

    private OrderEventTopic() {
    }
}
