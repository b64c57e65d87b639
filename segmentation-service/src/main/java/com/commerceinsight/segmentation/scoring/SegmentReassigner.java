package com.commerceinsight.segmentation.scoring;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.segmentation.features.CommerceSnapshot;
import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.models.ModelActivation;

/**
 * Keeps customers' segments current from order events, inside the batch's transaction: each customer an order event
 * names (an order placed, a status changed) has the summary read again from the commerce tables, which hold the order
 * before its event is published, and goes to the nearest centroid of the active model at the event's time. A move is
 * published once the batch commits. Before a first model exists this does nothing: the first training reads the
 * commerce tables.
 * <p>
 * Why read the summary again rather than add each event to the kept one: the result is then the same whatever order
 * events come in, a cancellation can never count twice, and an activation, which rewrites every row from the tables,
 * loses nothing a batch applied before it (the batch and the activation exclude each other: models.ModelActivation).
 * The read is one grouped query per batch over the customers' orders and sessions, by index.
 */
@ApplicationScoped
public class SegmentReassigner {

    private final ActiveModels models;
    private final CommerceSnapshot commerce;
    private final Event<SegmentChangePublisher.Moves> moves;

    public SegmentReassigner(ActiveModels models, CommerceSnapshot commerce, Event<SegmentChangePublisher.Moves> moves) {
        this.models = models;
        this.commerce = commerce;
        this.moves = moves;
    }

    public void apply(List<OrderEvent> events) throws SQLException {
        Map<Long, Touched> touched = new LinkedHashMap<>();
        for (OrderEvent event : events) {
            if (event.customerId() != null && (event.data() instanceof OrderPlaced || event.data() instanceof OrderStatusChanged)) {
                touched.merge(event.customerId(), new Touched(utc(event.occurredAt().toEpochMilli()), event.eventId().toString()),
                        (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        // The active model as of after any activation in progress committed; none starts until this batch commits.
        Optional<ActiveModel> active = models.byId(ModelActivation.share());
        if (active.isEmpty()) {
            return;
        }
        ActiveModel model = active.get();
        // Locked before the read: a replica applying a batch of the same customer at once (a rebalance) reads after this
        // one commits, so the later write holds the later read.
        Map<Long, CustomerSegment> rows = lock(touched.keySet());
        LocalDateTime readAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Map<Long, PurchaseSummary> summaries = commerce.current(touched.keySet());
        List<SegmentChange> changes = new ArrayList<>();
        touched.forEach((customerId, last) -> {
            CustomerSegment row = rows.computeIfAbsent(customerId, SegmentReassigner::newRow);
            row.setSummary(summaries.getOrDefault(customerId, PurchaseSummary.none(customerId)));
            row.featuresAsOf = readAt;
            reassign(row, model, last).ifPresent(changes::add);
        });
        if (!changes.isEmpty()) {
            moves.fire(new SegmentChangePublisher.Moves(changes));
        }
    }

    private static Optional<SegmentChange> reassign(CustomerSegment row, ActiveModel model, Touched last) {
        Integer before = row.segmentId;
        String beforeName = before == null ? null : nameOf(model, before);
        // Events of one customer can arrive out of order: the reference time never goes back.
        row.hold(model.assess(row.summary(), row.assessedAt != null && row.assessedAt.isAfter(last.at()) ? row.assessedAt : last.at()));
        if (!row.isPersistent()) {
            row.persist();
        }
        if (row.segmentId == null || row.segmentId.equals(before)) {
            return Optional.empty();
        }
        return Optional.of(new SegmentChange(UUID.randomUUID().toString(), SegmentChange.SCHEMA_VERSION,
                row.assessedAt.toInstant(ZoneOffset.UTC), row.customerId, model.id(), before, beforeName, row.segmentId,
                nameOf(model, row.segmentId), row.distance, last.eventId()));
    }

    private static String nameOf(ActiveModel model, int segmentId) {
        int index = model.definition().indexOf(segmentId);
        return index < 0 ? null : model.definition().names().get(index);
    }

    private static Map<Long, CustomerSegment> lock(Collection<Long> customerIds) {
        Map<Long, CustomerSegment> rows = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(customerIds)) {
            CustomerSegment.<CustomerSegment>find("customerId in ?1", chunk).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(row -> rows.put(row.customerId, row));
        }
        return rows;
    }

    private static CustomerSegment newRow(long customerId) {
        CustomerSegment row = new CustomerSegment();
        row.customerId = customerId;
        row.spend = BigDecimal.ZERO;
        return row;
    }

    /** Times are kept in UTC at millisecond precision, as the database stores them. */
    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), (int) Math.floorMod(epochMillis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    private record Touched(LocalDateTime at, String eventId) {
    }
}
