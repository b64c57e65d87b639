package com.commerceinsight.segmentation.scoring;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.commerceinsight.segmentation.features.PurchaseSummary;

/**
 * Keeps customers' segments current from order events, inside the batch's transaction: an order placed after the
 * summary's snapshot adds to it, a cancellation after it takes the order out of the count and the spend (not out of
 * the order times, as in the snapshot); the features are recomputed at the
 * event's time and the customer goes to the nearest centroid of the active model. A move is published once the
 * batch commits. Before a first model exists this does nothing: the first training reads the commerce tables.
 */
@ApplicationScoped
public class SegmentReassigner {

    private static final String CANCELLED = "cancelled";
    private static final int CHUNK = 1_000;

    private final ActiveModels models;
    private final Event<SegmentChangePublisher.Moves> moves;

    public SegmentReassigner(ActiveModels models, Event<SegmentChangePublisher.Moves> moves) {
        this.models = models;
        this.moves = moves;
    }

    public void apply(List<OrderEvent> events) {
        List<OrderEvent> relevant = events.stream().filter(event -> event.customerId() != null
                && (event.data() instanceof OrderPlaced || event.data() instanceof OrderStatusChanged)).toList();
        if (relevant.isEmpty()) {
            return;
        }
        Optional<ActiveModel> active = models.current();
        if (active.isEmpty()) {
            return;
        }
        ActiveModel model = active.get();
        Map<Long, CustomerSegment> rows = load(relevant);
        Map<Long, Touched> touched = new LinkedHashMap<>();
        for (OrderEvent event : relevant) {
            CustomerSegment row = rows.computeIfAbsent(event.customerId(), id -> newRow(id, model.snapshotAt()));
            if (applyDelta(row, event)) {
                LocalDateTime occurredAt = utc(event.occurredAt().toEpochMilli());
                touched.merge(event.customerId(), new Touched(occurredAt, event.eventId().toString()),
                        (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        List<SegmentChange> changes = new ArrayList<>();
        touched.forEach((customerId, last) -> reassign(rows.get(customerId), model, last).ifPresent(changes::add));
        if (!changes.isEmpty()) {
            moves.fire(new SegmentChangePublisher.Moves(changes));
        }
    }

    /** True when the event changed the summary; events already inside the snapshot change nothing. */
    private static boolean applyDelta(CustomerSegment row, OrderEvent event) {
        PurchaseSummary summary = row.summary();
        if (event.data() instanceof OrderPlaced placed) {
            LocalDateTime orderedAt = utc(placed.orderedAt().toEpochMilli());
            if (!orderedAt.isAfter(row.featuresAsOf)) {
                return false;
            }
            row.setSummary(CANCELLED.equals(placed.status()) ? summary.withOrderTime(orderedAt)
                    : summary.withOrder(placed.totalAmount().doubleValue(), orderedAt));
            return true;
        }
        OrderStatusChanged changed = (OrderStatusChanged) event.data();
        boolean cancels = CANCELLED.equals(changed.status()) && !CANCELLED.equals(changed.previousStatus());
        if (!cancels || !utc(event.occurredAt().toEpochMilli()).isAfter(row.featuresAsOf)) {
            return false;
        }
        row.setSummary(summary.withoutOrder(changed.totalAmount().doubleValue()));
        return true;
    }

    private static Optional<SegmentChange> reassign(CustomerSegment row, ActiveModel model, Touched last) {
        Integer before = row.segmentId;
        String beforeName = before == null ? null : nameOf(model, before);
        PurchaseSummary summary = row.summary();
        // Events of one customer can arrive out of order: the reference time never goes back.
        row.assessedAt = row.assessedAt != null && row.assessedAt.isAfter(last.at()) ? row.assessedAt : last.at();
        row.modelId = model.id();
        if (!summary.segmentable()) {
            row.segmentId = null;
            row.distance = null;
            row.keepRfm(null);
        } else {
            ActiveModel.Assignment assignment = model.assign(summary, row.assessedAt);
            row.segmentId = assignment.segmentId();
            row.distance = assignment.distance();
            row.keepRfm(model.rfm(summary, row.assessedAt));
        }
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

    private static Map<Long, CustomerSegment> load(List<OrderEvent> events) {
        List<Long> ids = events.stream().map(OrderEvent::customerId).distinct().toList();
        Map<Long, CustomerSegment> rows = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            CustomerSegment.<CustomerSegment>list("customerId in ?1", chunk).forEach(row -> rows.put(row.customerId, row));
        }
        return rows;
    }

    private static CustomerSegment newRow(long customerId, LocalDateTime snapshotAt) {
        CustomerSegment row = new CustomerSegment();
        row.customerId = customerId;
        row.spend = BigDecimal.ZERO;
        row.featuresAsOf = snapshotAt;
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
