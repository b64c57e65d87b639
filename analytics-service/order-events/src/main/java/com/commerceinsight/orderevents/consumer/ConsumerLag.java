package com.commerceinsight.orderevents.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * How far this replica's order event consumer is behind commerce.orders.v1: over the partitions assigned to it, the
 * events published but not yet applied and committed (the topic's end offset less the group's committed offset).
 * Measured every {@code order-events.consumer.lag-interval} on the consumer's polling thread (a Kafka consumer is not
 * thread-safe), and served as the gauge {@value #METRIC} ({@code order_events_consumer_lag} on /q/metrics) and the
 * health check {@link ConsumerLagCheck}. Negative until the first measurement.
 */
@ApplicationScoped
public class ConsumerLag {

    public static final String METRIC = "order.events.consumer.lag";
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientService clients;
    private final AtomicLong lag = new AtomicLong(-1);

    public ConsumerLag(KafkaClientService clients, MeterRegistry metrics) {
        this.clients = clients;
        Gauge.builder(METRIC, lag, AtomicLong::get).description("order events published but not yet applied by this replica")
                .register(metrics);
    }

    /** The last measured lag in events, or -1 before the first measurement (or without a consumer). */
    public long events() {
        return lag.get();
    }

    @Scheduled(every = "${order-events.consumer.lag-interval:15s}", delayed = "${order-events.consumer.lag-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer("orders");
            if (consumer == null) {
                return; // the channel is disabled (tests)
            }
            lag.set(consumer.runOnPollingThread(c -> {
                Set<TopicPartition> assigned = c.assignment();
                return assigned.isEmpty() ? 0L
                        : lagOf(c.endOffsets(assigned, BROKER_TIMEOUT), c.committed(assigned, BROKER_TIMEOUT),
                                c.beginningOffsets(assigned, BROKER_TIMEOUT));
            }).await().atMost(BROKER_TIMEOUT.multipliedBy(4)));
        } catch (RuntimeException e) {
            LOG.debugf("consumer lag not measured: %s", e.getMessage());
        }
    }

    /**
     * Events between each partition's committed offset (its first offset when the group never committed there) and
     * its end, summed.
     */
    static long lagOf(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed,
            Map<TopicPartition, Long> beginnings) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            long from = at != null ? at.offset() : beginnings.getOrDefault(end.getKey(), 0L);
            total += Math.max(0, end.getValue() - from);
        }
        return total;
    }
}
