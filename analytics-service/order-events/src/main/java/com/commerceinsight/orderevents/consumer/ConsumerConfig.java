package com.commerceinsight.orderevents.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The consuming service's settings for the kit (prefix order-events.consumer). */
@ConfigMapping(prefix = "order-events.consumer")
public interface ConsumerConfig {

    /** The service's own database schema, which holds its processed_event table. */
    String schema();

    /** Named in every dead letter's headers, so an operator knows which consumer gave up on a message. */
    @WithName("service-name")
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /** The longest pause between two attempts at one event while the database is away. */
    @WithName("max-outage-pause-millis")
    @WithDefault("30000")
    long maxOutagePauseMillis();
}
