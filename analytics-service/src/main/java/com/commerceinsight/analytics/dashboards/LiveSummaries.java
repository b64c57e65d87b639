package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.orders.CustomerOrder;
import com.commerceinsight.analytics.orders.OrderLine;
import com.commerceinsight.analytics.orders.Payment;

/**
 * Keeps the daily summaries current as orders arrive. Called by the order ingest inside the transaction that writes
 * the order change, so a summary never counts an order that was rolled back, nor misses one that was committed.
 * Its rules are the rebuild's ({@link SummaryRebuilder}): what one files, the other recomputes.
 * <p>
 * Every order of a day updates the same few summary rows, so those row locks are the ingest's hot spot. The ingest
 * calls this last, and the order's own rows are flushed before the first lock is taken: a summary row stays locked
 * only for its update and the commit, not for the whole order's inserts.
 */
@ApplicationScoped
public class LiveSummaries {

    private final EntityManager entityManager;

    public LiveSummaries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A new sale order with its lines and first payment attempt, already persisted. */
    public void orderPlaced(CustomerOrder order) {
        if (!isSale(order)) {
            return;
        }
        entityManager.flush();
        SummaryChange change = new SummaryChange();
        OrderContribution.CustomerKind kind = OrderContribution.CustomerKind.ANONYMOUS;
        if (order.customerId != null) {
            // Two orders of one customer at once must not both believe they are the first.
            entityManager.lock(entityManager.find(Customer.class, order.customerId), LockModeType.PESSIMISTIC_WRITE);
            CustomerOrder earliestOther = earliestOtherOrder(order);
            kind = earliestOther == null || placedBefore(order, earliestOther)
                    ? OrderContribution.CustomerKind.FIRST : OrderContribution.CustomerKind.RETURNING;
            if (earliestOther != null && kind == OrderContribution.CustomerKind.FIRST) {
                // A back-dated order takes the place of the customer's first: that one becomes a returning order.
                OrderContribution former = contributionOf(earliestOther);
                former.addTo(change, earliestOther.status, OrderContribution.CustomerKind.FIRST, -1);
                former.addTo(change, earliestOther.status, OrderContribution.CustomerKind.RETURNING, +1);
            }
        }
        OrderContribution contribution = contributionOf(order);
        contribution.addTo(change, order.status, kind, +1);
        for (Payment payment : order.payments) {
            contribution.addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
        }
        write(change);
    }

    public void orderStatusChanged(CustomerOrder order, String previousStatus) {
        if (!isSale(order)) {
            return;
        }
        OrderContribution contribution = contributionOf(order);
        OrderContribution.CustomerKind kind = kindOf(order);
        SummaryChange change = new SummaryChange();
        contribution.addTo(change, previousStatus, kind, -1);
        contribution.addTo(change, order.status, kind, +1);
        write(change);
    }

    public void paymentStatusChanged(CustomerOrder order, Payment payment, String previousStatus) {
        if (!isSale(order)) {
            return;
        }
        OrderContribution contribution = contributionOf(order);
        SummaryChange change = new SummaryChange();
        contribution.addPaymentTo(change, payment.method, previousStatus, payment.amount, -1);
        contribution.addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
        write(change);
    }

    /** A further payment attempt of an order. */
    public void paymentAdded(CustomerOrder order, Payment payment) {
        if (!isSale(order)) {
            return;
        }
        SummaryChange change = new SummaryChange();
        contributionOf(order).addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
        write(change);
    }

    private void write(SummaryChange change) {
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> SummaryRowWriter.apply(connection, change));
    }

    private OrderContribution contributionOf(CustomerOrder order) {
        Customer customer = order.customerId == null ? null : entityManager.find(Customer.class, order.customerId);
        String state = customer != null && customer.state != null ? customer.state : SummaryKeys.UNKNOWN;
        String country = customer != null && customer.country != null ? customer.country
                : order.country != null ? order.country : SummaryKeys.UNKNOWN;
        String firstMethod = order.payments.stream().min(Comparator.comparingInt((Payment p) -> p.sequenceNo)
                .thenComparing(p -> p.id)).map(p -> p.method).orElse(SummaryKeys.NO_PAYMENT);
        Map<Long, OrderContribution.CategoryLines> categories = new TreeMap<>();
        long units = 0;
        for (OrderLine line : order.lines) {
            Product product = entityManager.find(Product.class, line.productId);
            long category = product.categoryId == null ? SummaryKeys.NO_CATEGORY : product.categoryId;
            BigDecimal revenue = line.unitPrice.multiply(BigDecimal.valueOf(line.quantity));
            categories.merge(category, new OrderContribution.CategoryLines(line.quantity, revenue),
                    (a, b) -> new OrderContribution.CategoryLines(a.units() + b.units(), a.revenue().add(b.revenue())));
            units += line.quantity;
        }
        return new OrderContribution(order.orderedAt.toLocalDate(), state, country, firstMethod, units, order.totalAmount, categories);
    }

    private OrderContribution.CustomerKind kindOf(CustomerOrder order) {
        if (order.customerId == null) {
            return OrderContribution.CustomerKind.ANONYMOUS;
        }
        CustomerOrder earliestOther = earliestOtherOrder(order);
        return earliestOther != null && placedBefore(earliestOther, order)
                ? OrderContribution.CustomerKind.RETURNING : OrderContribution.CustomerKind.FIRST;
    }

    /** The customer's earliest sale order other than this one, by (ordered_at, id), as the rebuild ranks them. */
    private CustomerOrder earliestOtherOrder(CustomerOrder order) {
        List<CustomerOrder> found = entityManager.createQuery("from CustomerOrder o where o.customerId = :customer "
                        + "and o.kind = 'sale' and o.id <> :id order by o.orderedAt, o.id", CustomerOrder.class)
                .setParameter("customer", order.customerId).setParameter("id", order.id)
                // The other orders are in the database already; flushing this one first would only cost a round trip.
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Credit notes (cancellation orders of imported data) are not in the summaries. */
    private static boolean isSale(CustomerOrder order) {
        return "sale".equals(order.kind);
    }

    private static boolean placedBefore(CustomerOrder a, CustomerOrder b) {
        int byTime = a.orderedAt.compareTo(b.orderedAt);
        return byTime < 0 || byTime == 0 && a.id < b.id;
    }
}
