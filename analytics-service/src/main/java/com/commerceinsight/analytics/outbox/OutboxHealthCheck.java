package com.commerceinsight.analytics.outbox;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Reports the outbox backlog under /q/health/well: DOWN when events have waited more than a minute (the broker is
 * unreachable or the relay stuck). Deliberately not a readiness check: while Kafka is down the service must keep
 * taking orders, which wait in the outbox.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private static final Duration STALE = Duration.ofMinutes(1);

    private final OutboxStore store;

    public OutboxHealthCheck(OutboxStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxStore.Backlog backlog = store.backlog();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").withData("waiting", backlog.waiting());
        if (backlog.oldestOccurredAt() == null) {
            return response.up().build();
        }
        Duration age = Duration.between(backlog.oldestOccurredAt(), LocalDateTime.now(ZoneOffset.UTC));
        response.withData("oldestWaitingSeconds", age.toSeconds());
        return (age.compareTo(STALE) > 0 ? response.down() : response.up()).build();
    }
}
