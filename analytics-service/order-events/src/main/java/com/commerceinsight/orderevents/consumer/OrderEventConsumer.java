package com.commerceinsight.orderevents.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.commerceinsight.orderevents.MalformedEventException;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventParser;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes commerce.orders.v1 in batches (channel orders) for the service's {@link OrderEventHandler}. Records that
 * are not contract events go to the dead-letter topic; the rest are applied in one call, or one by one when the batch
 * as a whole keeps failing, so one bad event costs only itself. The batch is acknowledged (its offsets committed) only
 * after this returns, and every dead letter is acknowledged by the broker before that: at least once, nothing lost.
 * <p>
 * Once the application has begun to stop, the batch in flight may finish (the stop waits for it, up to a bound), but
 * the database pool and Hibernate close next while the Kafka connector, which stops last, may still hand over batches
 * (seen at a scale-in: "EntityManagerFactory is closed"). So a batch that arrives, or fails, after the stop began is not
 * the events' fault: it leaves as {@link StoppedMidBatch}, neither dead-lettered nor acknowledged, and the partition's
 * next owner applies it. That is why the channel's failure strategy is {@code fail}: an exception leaving this method
 * must not commit the batch's offsets, which the connector's dead-letter strategy would do after sending the whole
 * batch away.
 */
@ApplicationScoped
public class OrderEventConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventConsumer.class);

    /** How long the stop waits for the batch in flight: about ten batches' time, well inside Kubernetes' 30 s grace. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final OrderEventHandler handler;
    private final DeadLetterSink deadLetters;
    private final long maxOutagePauseMillis;
    private final EventTracing tracing;
    private volatile boolean stopping;
    /** Held while a batch is applied, so that the stop can wait for it. */
    private final ReentrantLock batchInFlight = new ReentrantLock();

    @Inject
    public OrderEventConsumer(OrderEventHandler handler, DeadLetterSink deadLetters, OpenTelemetry openTelemetry,
            @ConfigProperty(name = "order-events.consumer.max-outage-pause-millis", defaultValue = "30000") long maxOutagePauseMillis) {
        this(maxOutagePauseMillis, handler, deadLetters, openTelemetry);
    }

    OrderEventConsumer(long maxOutagePauseMillis, OrderEventHandler handler, DeadLetterSink deadLetters) {
        this(maxOutagePauseMillis, handler, deadLetters, OpenTelemetry.noop());
    }

    OrderEventConsumer(long maxOutagePauseMillis, OrderEventHandler handler, DeadLetterSink deadLetters, OpenTelemetry openTelemetry) {
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.maxOutagePauseMillis = maxOutagePauseMillis;
        this.tracing = new EventTracing(openTelemetry);
    }

    /** Quarkus fires the event before the datasources and Hibernate close. */
    void onShutdown(@Observes ShutdownEvent event) {
        stop(STOP_WAIT_MILLIS);
    }

    /**
     * From now on no batch is applied and a failing one is left unacknowledged; waits up to {@code waitMillis} for the
     * batch in flight to finish while the database is still there.
     */
    void stop(long waitMillis) {
        stopping = true;
        boolean finished = false;
        try {
            finished = batchInFlight.tryLock(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (finished) {
            batchInFlight.unlock();
        }
        LOG.infof("stopping: %s; batches from now on stay unacknowledged for the partition's next owner",
                finished ? "no batch in flight" : "the batch in flight did not finish within " + waitMillis + " ms");
    }

    @Incoming("orders")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batchInFlight.lock();
        try {
            if (stopping) {
                throw new StoppedMidBatch(records.count(), null);
            }
            traced(records);
        } finally {
            batchInFlight.unlock();
        }
    }

    private void traced(ConsumerRecords<String, String> records) {
        List<Span> spans = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            spans.add(tracing.startProcessing(record, records.count()));
        }
        try {
            handle(records);
        } finally {
            spans.forEach(Span::end);
        }
    }

    private void handle(ConsumerRecords<String, String> records) {
        List<Received> received = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                received.add(new Received(record, OrderEventParser.parse(record.value())));
            } catch (MalformedEventException e) {
                LOG.warnf("dead letter %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                deadLetters.send(record, e.getMessage());
            }
        }
        if (received.isEmpty()) {
            return;
        }
        try {
            handler.apply(received.stream().map(Received::event).toList());
        } catch (RuntimeException batchFailure) {
            if (stopping) {
                throw new StoppedMidBatch(received.size(), batchFailure);
            }
            LOG.warnf(batchFailure, "a batch of %d events failed; applying them one by one", received.size());
            received.forEach(this::applyAlone);
        }
    }

    /**
     * Applies one event; dead-letters it if it fails on its own. While the database itself is away the event waits
     * (with growing pauses) instead: it is not the event's fault, and dead-lettering it would skip it.
     */
    private void applyAlone(Received one) {
        for (long pauseMillis = Math.min(500, maxOutagePauseMillis); ; pauseMillis = Math.min(pauseMillis * 2, maxOutagePauseMillis)) {
            try {
                handler.apply(List.of(one.event()));
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new StoppedMidBatch(1, e);
                }
                if (!DatabaseOutage.causedBy(e)) {
                    ConsumerRecord<String, String> record = one.record();
                    LOG.errorf(e, "dead letter %s-%d@%d: event %s failed on its own", record.topic(), record.partition(),
                            record.offset(), one.event().eventId());
                    deadLetters.send(record, reasonOf(e));
                    return;
                }
                LOG.warnf("database unavailable (%s); event %s waits %d ms", e.getMessage(), one.event().eventId(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The exception and its root cause: the root usually names the database's complaint. */
    static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + "; caused by " + root;
    }

    private record Received(ConsumerRecord<String, String> record, OrderEvent event) {
    }
}
