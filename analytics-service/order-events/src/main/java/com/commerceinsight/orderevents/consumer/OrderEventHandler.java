package com.commerceinsight.orderevents.consumer;

import java.util.List;

import com.commerceinsight.orderevents.OrderEvent;

/**
 * What a consuming service does with a batch of valid order events: in one transaction of its own, claim them with
 * {@link ProcessedEvents#claim} and apply those not applied before. One bean per service implements it;
 * {@link OrderEventConsumer} calls it. A failure that may pass (see {@link DatabaseOutage}) should be retried inside.
 */
public interface OrderEventHandler {

    void apply(List<OrderEvent> events);
}
