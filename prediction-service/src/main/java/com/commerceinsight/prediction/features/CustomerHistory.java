package com.commerceinsight.prediction.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the commerce schema knows about one customer, each fact with the time it became known, so that
 * features can be cut at any time T. Filled by {@link CommerceHistoryReader} or, in tests, by hand.
 */
public final class CustomerHistory {

    /** An order or, in transaction-line data sets, a cancellation invoice. Null times did not happen. */
    public record Order(long orderId, LocalDateTime orderedAt, boolean cancellationInvoice, double totalAmount,
                        LocalDateTime shippedAt, LocalDateTime deliveredAt, LocalDateTime cancelledAt,
                        long[] categoryIds, long[] productIds) {
    }

    /** A payment attempt; {@code succeeded} includes payments refunded later (they went through first). */
    public record Payment(LocalDateTime at, boolean succeeded, boolean failed) {
    }

    public record Review(LocalDateTime at, int rating) {
    }

    public record Session(LocalDateTime startedAt, LocalDateTime endedAt) {
    }

    private final long customerId;
    private final LocalDateTime registeredAt;
    final List<Order> orders = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<LocalDateTime> returns = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    final List<LocalDateTime> wishlistAdds = new ArrayList<>();
    final List<Session> sessions = new ArrayList<>();

    public CustomerHistory(long customerId, LocalDateTime registeredAt) {
        this.customerId = customerId;
        this.registeredAt = registeredAt;
    }

    public long customerId() {
        return customerId;
    }

    /** May be null (data sets without a registration date). */
    public LocalDateTime registeredAt() {
        return registeredAt;
    }

    public List<Order> orders() {
        return java.util.Collections.unmodifiableList(orders);
    }

    public CustomerHistory order(Order order) {
        orders.add(order);
        return this;
    }

    public CustomerHistory payment(Payment payment) {
        payments.add(payment);
        return this;
    }

    public CustomerHistory returned(LocalDateTime at) {
        returns.add(at);
        return this;
    }

    public CustomerHistory review(Review review) {
        reviews.add(review);
        return this;
    }

    public CustomerHistory wishlisted(LocalDateTime at) {
        wishlistAdds.add(at);
        return this;
    }

    public CustomerHistory session(Session session) {
        sessions.add(session);
        return this;
    }

    /** Sale orders (not cancellation invoices) placed strictly before the cutoff. */
    public long salesBefore(LocalDateTime cutoff) {
        return orders.stream().filter(o -> !o.cancellationInvoice() && o.orderedAt().isBefore(cutoff)).count();
    }

    /** Sale orders placed in (from, to]. */
    public long salesIn(LocalDateTime from, LocalDateTime to) {
        return orders.stream().filter(o -> !o.cancellationInvoice() && o.orderedAt().isAfter(from) && !o.orderedAt().isAfter(to)).count();
    }
}
