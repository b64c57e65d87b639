package com.commerceinsight.analytics.projection;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import com.commerceinsight.analytics.dashboards.LiveSummaries;
import com.commerceinsight.analytics.rounds.RoundLoop;
import com.commerceinsight.orderevents.MalformedEventException;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.lease.DatabaseLease;

/**
 * Applies the committed order events to the read models (the dashboards' summaries, the analyses' kept counts), so
 * that the order transaction writes only the order and its event. Reads the outbox rather than the topic: the rows
 * are in the same database as the read models, so a round claims its rows and writes the models in one transaction
 * (exactly once, with no processed-event table), it keeps working while Kafka is down, and it is a local query away
 * from the commit instead of a relay round and a consumer poll. One replica at a time holds its {@link DatabaseLease};
 * the claims ({@link ProjectionRows}) keep a second one (during a takeover) from applying a row twice. Rounds follow each other without a pause
 * while a full batch waits, and every {@code analytics.projection.poll-interval} otherwise.
 */
@ApplicationScoped
public class OrderProjector {

    private static final Logger LOG = Logger.getLogger(OrderProjector.class);
    static final String LEASE_TABLE = "commerce.order_projector_lease";
    static final String LEASE_NAME = "order-projector";

    private final ProjectionConfig config;
    private final EntityManager entityManager;
    private final LiveSummaries summaries;
    private final DatabaseLease lease;
    private final Counter applied;
    private final RoundLoop rounds;
    /** The lease while this replica holds it; only the loop's thread touches it. */
    private DatabaseLease.Hold hold;

    public OrderProjector(ProjectionConfig config, EntityManager entityManager, LiveSummaries summaries, DataSource dataSource,
            MeterRegistry metrics) {
        this.config = config;
        this.entityManager = entityManager;
        this.summaries = summaries;
        this.lease = new DatabaseLease(dataSource, LEASE_TABLE, LEASE_NAME, config.leaseDuration());
        this.applied = metrics.counter("projection.applied");
        this.rounds = new RoundLoop("order-projector", this::roundHolding, config, metrics, "projection", LOG, this::release);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        rounds.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        rounds.stop();
        lease.close();
    }

    /** One round while this replica holds the lease (taken, or taken again once lost); else {@link RoundLoop#NOT_HOLDING}. */
    private int roundHolding() throws SQLException {
        if (hold == null || hold.lost()) {
            release();
            hold = lease.tryAcquire().orElse(null);
            if (hold == null) {
                return RoundLoop.NOT_HOLDING;
            }
        }
        return projectRound();
    }

    /** Gives the lease back as the loop ends, so another replica takes over at once. */
    private void release() {
        if (hold != null) {
            hold.close();
            hold = null;
        }
    }

    /** The projector's lease (for tests: a second instance must not hold it while this one does). */
    DatabaseLease lease() {
        return lease;
    }

    /** One round: up to a batch of unapplied rows, claimed and applied in one transaction; returns how many it applied. */
    public int projectRound() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ProjectionRows.OutboxRow> rows = entityManager.unwrap(Session.class)
                    .doReturningWork(connection -> ProjectionRows.unprojected(connection, config.batchSize()));
            return applyUnprojected(rows);
        });
    }

    /**
     * Applies those of these rows not applied before and claims them, in the caller's transaction; a row that another
     * projector claims meanwhile makes it throw (the caller's transaction rolls back). Returns how many it applied.
     */
    int apply(List<ProjectionRows.OutboxRow> rows) throws MalformedEventException {
        if (rows.isEmpty()) {
            return 0;
        }
        return applyUnprojected(entityManager.unwrap(Session.class)
                .doReturningWork(connection -> ProjectionRows.stillUnprojected(connection, rows)));
    }

    /**
     * Applies rows read as unapplied in this transaction and claims them: a round's own read needs no second look,
     * since the claim fails the round if another projector took a row meanwhile.
     */
    private int applyUnprojected(List<ProjectionRows.OutboxRow> rows) throws MalformedEventException {
        if (rows.isEmpty()) {
            return 0;
        }
        List<OrderEvent> events = new ArrayList<>(rows.size());
        for (ProjectionRows.OutboxRow row : rows) {
            events.add(OrderEventParser.parseWritten(row.payload()));
        }
        summaries.apply(events);
        entityManager.unwrap(Session.class).doWork(connection -> ProjectionRows.claim(connection, rows));
        applied.increment(events.size());
        return events.size();
    }
}
