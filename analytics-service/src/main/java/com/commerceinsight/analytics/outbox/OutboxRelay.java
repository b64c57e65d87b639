package com.commerceinsight.analytics.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

import com.commerceinsight.analytics.rounds.RoundLoop;
import com.commerceinsight.orderevents.jdbc.InLists;

/**
 * Publishes outbox rows to Kafka in id order and marks them published. It runs on a thread of its own while this
 * replica holds the {@link OutboxLease}. A round sends what waits at once; the marks of acknowledged rows are gathered
 * ({@link AwaitingMark}) and committed every {@link OutboxConfig#markInterval()}, as the loop ends, and when the lease
 * is lost (marking a row that was published is right whoever holds the lease). When the broker is down a round fails, the rows stay unpublished, and the
 * relay tries again after the retry interval; when the broker returns, they drain. The producer is idempotent and
 * keeps order per partition; a row whose acknowledgement was lost may be published twice, which consumers absorb
 * by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final OutboxStore store;
    private final OutboxLease lease;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final RoundLoop rounds;
    private final AwaitingMark awaiting = new AwaitingMark();
    private KafkaProducer<String, String> producer;

    public OutboxRelay(OutboxConfig config, OutboxStore store, OutboxLease lease,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry metrics) {
        this.config = config;
        this.store = store;
        this.lease = lease;
        this.kafkaConfig = kafkaConfig;
        this.published = metrics.counter("outbox.published");
        this.rounds = new RoundLoop("outbox-relay", this::publishRound, config, metrics, "outbox", LOG, this::markAwaitingQuietly);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        rounds.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        rounds.stop();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new java.util.HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis(), 5_000));
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "analytics-outbox-relay");
        return producerConfig;
    }

    /** One round: up to batchSize rows, sent in id order; the acknowledged prefix waits for its mark. */
    int publishRound() throws Exception {
        if (!lease.tryHold()) {
            markAwaitingQuietly();
            return RoundLoop.NOT_HOLDING;
        }
        try (OutboxLease.Renewal renewal = lease.heldDuring()) {
            return publishHeld();
        }
    }

    /** The round's work, while the lease is held and renewed. */
    private int publishHeld() throws Exception {
        if (awaiting.due(System.nanoTime(), config.markInterval(), mostAwaiting())) {
            markAwaiting();
        }
        List<OutboxMessage> rows = store.nextUnpublished(config.batchSize(), awaiting.ids());
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (OutboxMessage row : rows) {
            sends.add(producer.send(OutboxRecords.recordOf(row)));
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>(rows.size());
        Exception failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        awaiting.addAll(acknowledged, System.nanoTime());
        published.increment(acknowledged.size());
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
    }

    /**
     * The most rows left waiting for their mark: a batch, and no more than one statement can leave out of its read.
     */
    private int mostAwaiting() {
        return Math.min(config.batchSize(), InLists.MAX_PLACES);
    }

    private void markAwaiting() {
        store.markPublished(awaiting.ids());
        awaiting.clear();
    }

    /**
     * Marks what waits, as the loop ends or the lease goes; if the database refuses, the rows stay unmarked and are
     * sent again by whoever publishes next (the consumers drop the repeats).
     */
    private void markAwaitingQuietly() {
        if (awaiting.isEmpty()) {
            return;
        }
        try {
            markAwaiting();
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not mark %d published outbox rows; they will be sent again", awaiting.size());
            awaiting.clear();
        }
    }
}
