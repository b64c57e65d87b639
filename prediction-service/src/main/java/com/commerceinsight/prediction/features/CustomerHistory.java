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

    /**
     * A payment attempt; {@code succeeded} includes payments refunded later (they went through first). The order is 0
     * in histories built by hand, where no order is ever refreshed.
     */
    public record Payment(long orderId, LocalDateTime at, boolean succeeded, boolean failed) {

        public Payment(LocalDateTime at, boolean succeeded, boolean failed) {
            this(0, at, succeeded, failed);
        }
    }

    /** A return of (part of) an order. */
    public record Return(long orderId, LocalDateTime at) {
    }

    public record Review(LocalDateTime at, int rating) {
    }

    public record Session(LocalDateTime startedAt, LocalDateTime endedAt) {
    }

    private final long customerId;
    private final LocalDateTime registeredAt;
    final List<Order> orders = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Return> returns = new ArrayList<>();
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
        return returned(new Return(0, at));
    }

    public CustomerHistory returned(Return returned) {
        returns.add(returned);
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

    /**
     * Replaces everything this history holds about the given orders (the order, its payments, its returns) with what
     * {@code fresh} holds about them: an order missing from {@code fresh} is gone. The customer's other facts stay.
     */
    public void replaceOrders(java.util.Collection<Long> orderIds, CustomerHistory fresh) {
        java.util.Set<Long> ids = java.util.Set.copyOf(orderIds);
        orders.removeIf(order -> ids.contains(order.orderId()));
        payments.removeIf(payment -> ids.contains(payment.orderId()));
        returns.removeIf(returned -> ids.contains(returned.orderId()));
        if (fresh != null) {
            fresh.orders.stream().filter(order -> ids.contains(order.orderId())).forEach(orders::add);
            fresh.payments.stream().filter(payment -> ids.contains(payment.orderId())).forEach(payments::add);
            fresh.returns.stream().filter(returned -> ids.contains(returned.orderId())).forEach(returns::add);
        }
    }

    /** How many facts this history holds: the measure of its memory. */
    public int factCount() {
        return 1 + orders.size() + payments.size() + returns.size() + reviews.size() + wishlistAdds.size() + sessions.size();
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
