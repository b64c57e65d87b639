package com.commerceinsight.segmentation.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.segmentation.events.OrderEvent;
import com.commerceinsight.segmentation.events.OrderPlaced;
import com.commerceinsight.segmentation.events.OrderStatusChanged;
import com.commerceinsight.segmentation.events.PaymentStatusChanged;

/**
 * Applies one event to its customer's activity delta in the batch (written by {@link BatchRows#write}). Rows of different orders of one
 * customer may arrive out of commit order, so each event only adds deltas and never reads a status it did not
 * carry itself.
 */
@ApplicationScoped
class ActivityDeltas {

    void apply(OrderEvent event, LocalDateTime now, BatchRows rows) {
        if (event.customerId() == null) {
            return; // an anonymous sale has no customer to describe
        }
        CustomerActivity activity = rows.activity(event.customerId());
        if (event.data() instanceof OrderPlaced placed) {
            LocalDateTime orderedAt = utc(placed.orderedAt());
            activity.addOrder(placed.status(), placed.totalAmount(), orderedAt);
            placed.paymentStatuses().forEach(status -> activity.countPayment(status, 1));
            if (rows.markOrderDay(event.customerId(), orderedAt.toLocalDate())) {
                activity.addActiveDay();
            }
        } else if (event.data() instanceof PaymentStatusChanged payment) {
            activity.countPayment(payment.previousStatus(), -1);
            activity.countPayment(payment.status(), 1);
        } else if (event.data() instanceof OrderStatusChanged order) {
            activity.moveOrder(order.previousStatus(), order.status(), order.totalAmount());
        }
        activity.noteEvent(utc(event.occurredAt()), now);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
