package com.commerceinsight.orderevents.consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * DOWN while this replica's order event consumer is more than {@code order-events.consumer.lag-bound} events behind,
 * in the health group {@code consumer-lag} (/q/health/group/consumer-lag on the management port), for an alert.
 * Deliberately not part of readiness: every replica of a service serves the same stored answers, so a group that
 * falls behind would take all of them out of the Service at once, turning stale answers into no answers.
 */
@ApplicationScoped
@HealthGroup("consumer-lag")
public class ConsumerLagCheck implements HealthCheck {

    private final ConsumerLag lag;
    private final long bound;

    public ConsumerLagCheck(ConsumerLag lag, @ConfigProperty(name = "order-events.consumer.lag-bound", defaultValue = "50000") long bound) {
        this.lag = lag;
        this.bound = bound;
    }

    @Override
    public HealthCheckResponse call() {
        long events = lag.events();
        return HealthCheckResponse.named("order-events-consumer-lag").status(events <= bound)
                .withData("events", events).withData("bound", bound).build();
    }
}
