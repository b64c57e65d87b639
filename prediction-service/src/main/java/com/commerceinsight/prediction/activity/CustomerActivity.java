package com.commerceinsight.prediction.activity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A customer's order activity, kept up to date from order events. Every change is a delta (a count, a sum, a
 * minimum or a maximum), so events applied in any order leave the same row. Times are UTC.
 */
@Entity
@Table(schema = "prediction", name = "customer_activity")
public class CustomerActivity extends PanacheEntityBase {

    private static final String CANCELLED = "cancelled";

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    /** Orders placed, cancelled ones included. */
    public int orders;

    @Column(name = "cancelled_orders")
    public int cancelledOrders;

    /** The total amount of the orders not cancelled. */
    public BigDecimal spend;

    @Column(name = "first_order_at")
    public LocalDateTime firstOrderAt;

    @Column(name = "last_order_at")
    public LocalDateTime lastOrderAt;

    /** Payments whose status is now succeeded. */
    @Column(name = "succeeded_payments")
    public int succeededPayments;

    /** Payments whose status is now failed. */
    @Column(name = "failed_payments")
    public int failedPayments;

    /** Distinct UTC dates with an order. */
    @Column(name = "active_days")
    public int activeDays;

    @Column(name = "last_event_at")
    public LocalDateTime lastEventAt;

    @Column(name = "updated_at")
    public LocalDateTime updatedAt;

    /** An activity with nothing in it; a batch's delta for the customer starts from it (see BatchRows). */
    static CustomerActivity empty(long customerId) {
        CustomerActivity activity = new CustomerActivity();
        activity.customerId = customerId;
        activity.spend = BigDecimal.ZERO;
        return activity;
    }

    void addOrder(String status, BigDecimal totalAmount, LocalDateTime orderedAt) {
        orders++;
        if (CANCELLED.equals(status)) {
            cancelledOrders++;
        } else {
            spend = spend.add(totalAmount);
        }
        firstOrderAt = firstOrderAt == null || orderedAt.isBefore(firstOrderAt) ? orderedAt : firstOrderAt;
        lastOrderAt = lastOrderAt == null || orderedAt.isAfter(lastOrderAt) ? orderedAt : lastOrderAt;
    }

    /** Moving into cancelled takes the order out of spend; moving out of it (the producer never does) puts it back. */
    void moveOrder(String previousStatus, String status, BigDecimal totalAmount) {
        boolean wasCancelled = CANCELLED.equals(previousStatus);
        boolean isCancelled = CANCELLED.equals(status);
        if (!wasCancelled && isCancelled) {
            cancelledOrders++;
            spend = spend.subtract(totalAmount);
        } else if (wasCancelled && !isCancelled) {
            cancelledOrders--;
            spend = spend.add(totalAmount);
        }
    }

    /** Counts a payment into (+1) or out of (-1) its status; only succeeded and failed are counted. */
    void countPayment(String status, int delta) {
        if ("succeeded".equals(status)) {
            succeededPayments += delta;
        } else if ("failed".equals(status)) {
            failedPayments += delta;
        }
    }

    void addActiveDay() {
        activeDays++;
    }

    void noteEvent(LocalDateTime occurredAt, LocalDateTime now) {
        lastEventAt = lastEventAt == null || occurredAt.isAfter(lastEventAt) ? occurredAt : lastEventAt;
        updatedAt = now;
    }
}
