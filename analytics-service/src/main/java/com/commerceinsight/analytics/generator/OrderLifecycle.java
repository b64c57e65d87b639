package com.commerceinsight.analytics.generator;

import java.util.SplittableRandom;

/**
 * What happens to one order from checkout on, and what of it has happened by the window's end: payment (with
 * failures and retries), approval, shipping, delivery against the estimate, cancellation, return. Times are days
 * on the window axis; NaN means "did not happen (yet)". The status is the one an observer sees at the window end.
 */
final class OrderLifecycle {

    static final double PAYMENT_FAILURE_SHARE = 0.04;
    /** After a failed payment: retried successfully (two payment rows), otherwise the order is cancelled. */
    static final double RETRY_SHARE = 0.7;
    static final double CUSTOMER_CANCEL_SHARE = 0.035;
    static final double RETURN_SHARE = 0.04;
    static final double RETURN_SHARE_WHEN_LATE = 0.12;
    static final double RETURN_APPROVED_SHARE = 0.8;

    private static final double MINUTE = 1.0 / 1440;

    String status;
    double firstAttemptAt;
    boolean firstAttemptFailed;
    /** When the succeeding payment went through; NaN if none (yet). */
    double paidAt = Double.NaN;
    double approvedAt = Double.NaN;
    double shippedAt = Double.NaN;
    double deliveredAt = Double.NaN;
    double estimatedDeliveryAt;
    /** A refund of the whole order (a cancellation after payment, or an approved return); NaN if none. */
    double refundedAt = Double.NaN;
    double returnedAt = Double.NaN;
    boolean returnApproved;
    boolean late;

    OrderLifecycle(double orderedAt, double windowEnd, SplittableRandom rng) {
        firstAttemptAt = orderedAt + RandomVariates.uniform(rng, 1, 10) * MINUTE;
        firstAttemptFailed = rng.nextDouble() < PAYMENT_FAILURE_SHARE;
        boolean retried = firstAttemptFailed && rng.nextDouble() < RETRY_SHARE;
        double succeeds = !firstAttemptFailed ? firstAttemptAt
                : retried ? firstAttemptAt + RandomVariates.exponential(rng, 2.0 / 24) : Double.NaN;
        estimatedDeliveryAt = Math.floor(orderedAt) + 6 + rng.nextInt(6) + 0.75;
        double approves = succeeds + RandomVariates.exponential(rng, 3.0 / 24);
        double ships = approves + 0.5 + RandomVariates.gamma(rng, 2, 0.6);
        double delivers = ships + RandomVariates.logNormal(rng, 3.5, 0.45);
        boolean customerCancels = rng.nextDouble() < CUSTOMER_CANCEL_SHARE;
        double cancels = approves + rng.nextDouble() * (ships - approves);
        double returnDraw = rng.nextDouble();
        double returns = delivers + RandomVariates.uniform(rng, 1, 20);
        boolean approvedReturn = rng.nextDouble() < RETURN_APPROVED_SHARE;
        double refundsReturn = returns + RandomVariates.uniform(rng, 0.5, 3);

        if (firstAttemptFailed && !retried) {
            status = firstAttemptAt < windowEnd ? "cancelled" : "pending";
            return;
        }
        if (!(succeeds < windowEnd)) {
            status = "pending";
            return;
        }
        paidAt = succeeds;
        if (!(approves < windowEnd)) {
            status = "pending";
            return;
        }
        approvedAt = approves;
        if (customerCancels && cancels < windowEnd) {
            status = "cancelled";
            refundedAt = cancels;
            return;
        }
        if (!(ships < windowEnd)) {
            status = "processing";
            return;
        }
        shippedAt = ships;
        late = delivers > estimatedDeliveryAt;
        if (!(delivers < windowEnd)) {
            status = "shipped";
            return;
        }
        deliveredAt = delivers;
        status = "delivered";
        if (returnDraw < (late ? RETURN_SHARE_WHEN_LATE : RETURN_SHARE) && returns < windowEnd) {
            returnedAt = returns;
            returnApproved = approvedReturn;
            if (approvedReturn && refundsReturn < windowEnd) {
                refundedAt = refundsReturn;
            }
        }
    }

    boolean isCancelled() {
        return status.equals("cancelled");
    }

    /** A payment is still awaited at the window end: the order has no succeeded payment and is not cancelled. */
    boolean awaitsPayment() {
        return Double.isNaN(paidAt) && !isCancelled();
    }
}
