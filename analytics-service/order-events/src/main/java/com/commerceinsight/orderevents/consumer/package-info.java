/**
 * The consumer kit the three ML services share: {@link com.commerceinsight.orderevents.consumer.OrderEventConsumer}
 * reads commerce.orders.v1 in batches, dead-letters what is not a contract event, and hands the rest to the service's
 * {@link com.commerceinsight.orderevents.consumer.OrderEventHandler}, which claims them with
 * {@link com.commerceinsight.orderevents.consumer.ProcessedEvents} in its own transaction. A service uses it by
 * indexing this jar ({@code quarkus.index-dependency.order-events.*}), implementing the handler, and setting
 * {@code order-events.consumer.schema}.
 */
package com.commerceinsight.orderevents.consumer;
