package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.hibernate.Session;

import com.commerceinsight.analytics.analyses.counts.SaleMembership;
import com.commerceinsight.analytics.analyses.counts.SalesCounts;
import com.commerceinsight.analytics.analyses.counts.FulfilmentRows;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.jdbc.InLists;
import com.commerceinsight.analytics.orders.CustomerOrder;
import com.commerceinsight.analytics.orders.OrderLine;
import com.commerceinsight.analytics.orders.Payment;

/**
 * Keeps the daily summaries (and the customer sales rows of the customer analyses) current as orders arrive. Called by the order ingest inside the transaction that writes
 * the order change, so a summary never counts an order that was rolled back, nor misses one that was committed.
 * Its rules are the rebuild's ({@link SummaryRebuilder}): what one files, the other recomputes.
 * <p>
 * Every order of a day updates the same few summary rows, so those row locks are the ingest's hot spot. New orders
 * come in batches (one transaction per batch, see the order ingest) and a batch's additions are merged into one
 * change; the ingest calls this last, after the order rows are flushed, so a summary row stays locked only for its
 * update and the commit. The ingest locks the batch's customer rows, so two batches cannot both file an order of
 * one customer as the first.
 */
@ApplicationScoped
public class LiveSummaries {

    private static final String REFUNDED = "refunded";

    /** The first-orders statement per number of branches. */
    private static final Map<Integer, String> FIRST_ORDERS = new ConcurrentHashMap<>();

    private final EntityManager entityManager;

    /** The customers and products of orders changed after their placement: looked up as entities. */
    private final OrderReferences stored;

    public LiveSummaries(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.stored = new OrderReferences() {
            @Override
            public CustomerPlace customer(long customerId) {
                Customer customer = entityManager.find(Customer.class, customerId);
                return customer == null ? null : new CustomerPlace(customer.state, customer.country);
            }

            @Override
            public Long categoryOf(long productId) {
                return entityManager.find(Product.class, productId).categoryId;
            }
        };
    }

    /**
     * Each customer's earliest sale order now in the database (by time, then id), read before a batch of new orders
     * is written, so that {@link #ordersPlaced} can tell which new order is a customer's first.
     */
    public FirstOrders firstOrdersOf(Collection<Long> customerIds) {
        Map<Long, OrderRef> earliest = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> InLists.query(connection, customerIds, LiveSummaries::firstOrders,
                row -> earliest.put(row.getLong(1), new OrderRef(row.getObject(2, LocalDateTime.class), row.getLong(3), null))));
        return new FirstOrders(earliest);
    }

    /**
     * The first sale order of the customers in {@code places} places, in one statement: a branch per customer, each the
     * first entry of ix_orders_customer_id_ordered_at_kind (sorted by the customer first, a constant, without which
     * H2 sorts all of the customer's orders), so a batch's customers cost one round trip, not one each. An IN list
     * would have to read every order of the customers to find each one's first.
     */
    private static String firstOrders(int places) {
        return FIRST_ORDERS.computeIfAbsent(places, p -> {
            List<String> branches = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                branches.add("SELECT * FROM (SELECT o.customer_id, o.ordered_at, o.id FROM commerce.orders o"
                        + " WHERE o.customer_id = ? AND o.kind = 'sale' ORDER BY o.customer_id, o.ordered_at, o.id"
                        + " OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY) f" + i);
            }
            return String.join(" UNION ALL ", branches);
        });
    }

    /**
     * New sale orders with their lines and first payment attempts, persisted in this transaction, in the order they
     * were placed; {@code before} was read before they were written, {@code known} holds their customers and products.
     * All their additions go out as one change.
     */
    public void ordersPlaced(List<CustomerOrder> orders, FirstOrders before, OrderReferences known) {
        SummaryChange change = new SummaryChange();
        Map<Long, List<CustomerOrder>> newSales = new TreeMap<>();
        for (CustomerOrder order : orders) {
            if (!isSale(order)) {
                continue;
            }
            OrderContribution.CustomerKind kind = OrderContribution.CustomerKind.ANONYMOUS;
            if (order.customerId != null) {
                OrderRef earliest = before.earliest.get(order.customerId);
                OrderRef placed = new OrderRef(order.orderedAt, order.id, order);
                if (earliest == null || placedBefore(placed, earliest)) {
                    kind = OrderContribution.CustomerKind.FIRST;
                    before.earliest.put(order.customerId, placed);
                    if (earliest != null) {
                        // A back-dated order takes the place of the customer's first: that one becomes a returning order.
                        CustomerOrder former = earliest.order() != null ? earliest.order()
                                : entityManager.find(CustomerOrder.class, earliest.id());
                        OrderContribution formerContribution = contributionOf(former, stored);
                        formerContribution.addTo(change, former.status, OrderContribution.CustomerKind.FIRST, -1);
                        formerContribution.addTo(change, former.status, OrderContribution.CustomerKind.RETURNING, +1);
                    }
                } else {
                    kind = OrderContribution.CustomerKind.RETURNING;
                }
                if (isCountedSale(order)) {
                    newSales.computeIfAbsent(order.customerId, id -> new ArrayList<>()).add(order);
                }
            }
            OrderContribution contribution = contributionOf(order, known);
            contribution.addTo(change, order.status, kind, +1);
            for (Payment payment : order.payments) {
                contribution.addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
            }
        }
        newSales.values().forEach(sales -> sales.sort(LiveSummaries::comparePlacement));
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            // A new sale usually comes after all of its customer's: then the customer's rows take it in without their
            // history being read again; a back-dated one has its customer's sales recomputed.
            Map<Long, SaleMembership.SalesSpan> appended = CustomerSalesRows.append(connection, salesRows(newSales));
            Map<Long, SaleMembership.AppendedSales> appendedSales = new TreeMap<>();
            Set<Long> recomputed = new TreeSet<>();
            for (Map.Entry<Long, List<CustomerOrder>> customer : newSales.entrySet()) {
                if (appended.containsKey(customer.getKey())) {
                    appendedSales.put(customer.getKey(), new SaleMembership.AppendedSales(appended.get(customer.getKey()),
                            customer.getValue().stream().map(order -> placedSale(order, known)).toList()));
                } else {
                    recomputed.add(customer.getKey());
                    change.recomputeCustomerSales(customer.getKey());
                }
            }
            writeSummaryRows(connection, change, SalesCounts.ordersPlaced(connection, appendedSales, recomputed));
        });
    }

    /** A sale's figures for its customer's sales row. */
    private static Map<Long, List<CustomerSalesRows.NewSale>> salesRows(Map<Long, List<CustomerOrder>> sales) {
        Map<Long, List<CustomerSalesRows.NewSale>> rows = new TreeMap<>();
        sales.forEach((customer, orders) -> rows.put(customer,
                orders.stream().map(o -> new CustomerSalesRows.NewSale(o.orderedAt, o.totalAmount)).toList()));
        return rows;
    }

    /**
     * A new sale for the kept sales counts: its lines added up per product, as basket_sale's reconcile reads them, and
     * the products' categories.
     */
    private static SaleMembership.PlacedSale placedSale(CustomerOrder order, OrderReferences known) {
        Map<Long, SaleMembership.ProductLines> lines = new TreeMap<>();
        Map<Long, Long> categories = new TreeMap<>();
        for (OrderLine line : order.lines) {
            lines.merge(line.productId, new SaleMembership.ProductLines(line.quantity,
                    line.unitPrice.multiply(BigDecimal.valueOf(line.quantity))), SaleMembership.ProductLines::plus);
            Long category = known.categoryOf(line.productId);
            if (category != null) {
                categories.put(line.productId, category);
            }
        }
        return new SaleMembership.PlacedSale(order.id, order.orderedAt, order.totalAmount, lines, categories);
    }

    /** Customers' earliest sale orders, kept current while a batch is summarised. */
    public static final class FirstOrders {
        private final Map<Long, OrderRef> earliest;

        private FirstOrders(Map<Long, OrderRef> earliest) {
            this.earliest = earliest;
        }
    }

    /** An order's place in its customer's sequence; the entity when it is at hand. */
    private record OrderRef(LocalDateTime orderedAt, long id, CustomerOrder order) {
    }

    public void orderStatusChanged(CustomerOrder order, String previousStatus) {
        if (!isSale(order)) {
            return;
        }
        OrderContribution contribution = contributionOf(order, stored);
        OrderContribution.CustomerKind kind = kindOf(order);
        SummaryChange change = new SummaryChange();
        contribution.addTo(change, previousStatus, kind, -1);
        contribution.addTo(change, order.status, kind, +1);
        change.recomputeFulfilment(order.id);
        if (order.customerId != null && (!countsAsSale(previousStatus) || !countsAsSale(order.status))) {
            change.recomputeCustomerSales(order.customerId);
        }
        write(change);
    }

    public void paymentStatusChanged(CustomerOrder order, Payment payment, String previousStatus) {
        if (!isSale(order)) {
            return;
        }
        OrderContribution contribution = contributionOf(order, stored);
        SummaryChange change = new SummaryChange();
        contribution.addPaymentTo(change, payment.method, previousStatus, payment.amount, -1);
        contribution.addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
        change.recomputeFulfilment(order.id);
        if (order.customerId != null && (REFUNDED.equals(previousStatus) || REFUNDED.equals(payment.status))) {
            change.recomputeCustomerSales(order.customerId);
        }
        write(change);
    }

    /** A further payment attempt of an order. */
    public void paymentAdded(CustomerOrder order, Payment payment) {
        if (!isSale(order)) {
            return;
        }
        SummaryChange change = new SummaryChange();
        contributionOf(order, stored).addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
        change.recomputeFulfilment(order.id);
        if (order.customerId != null && REFUNDED.equals(payment.status)) {
            change.recomputeCustomerSales(order.customerId);
        }
        write(change);
    }

    private void write(SummaryChange change) {
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            writeSummaryRows(connection, change, SalesCounts.customersChanged(connection, change.customerSales()));
        });
    }

    /**
     * After the rows of the change's own customers and orders (read and written before, so that no shared row is locked
     * meanwhile): the order's fulfilment, then the daily summaries, whose day row every batch of the day updates first
     * and holds until its commit (concurrent batches of a day queue there), then the other shared rows: orders per day
     * and status, and the sales counts.
     */
    private static void writeSummaryRows(Connection connection, SummaryChange change, SaleMembership.Changes sales) throws SQLException {
        FulfilmentRows.recompute(connection, change.fulfilmentOrders());
        SummaryRowWriter.apply(connection, change);
        change.orderStatuses().writeTo(connection);
        SalesCounts.addToCounts(connection, sales);
    }

    private static OrderContribution contributionOf(CustomerOrder order, OrderReferences references) {
        OrderReferences.CustomerPlace customer = order.customerId == null ? null : references.customer(order.customerId);
        String state = customer != null && customer.state() != null ? customer.state() : SummaryKeys.UNKNOWN;
        String country = customer != null && customer.country() != null ? customer.country()
                : order.country != null ? order.country : SummaryKeys.UNKNOWN;
        String firstMethod = order.payments.stream().min(Comparator.comparingInt((Payment p) -> p.sequenceNo)
                .thenComparing(p -> p.id)).map(p -> p.method).orElse(SummaryKeys.NO_PAYMENT);
        Map<Long, OrderContribution.CategoryLines> categories = new TreeMap<>();
        long units = 0;
        for (OrderLine line : order.lines) {
            Long categoryId = references.categoryOf(line.productId);
            long category = categoryId == null ? SummaryKeys.NO_CATEGORY : categoryId;
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
                        + "and o.kind = 'sale' and o.id <> :id order by o.customerId, o.orderedAt, o.id", CustomerOrder.class)
                .setParameter("customer", order.customerId).setParameter("id", order.id)
                // The other orders are in the database already; flushing this one first would only cost a round trip.
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether the order is among the sales the kept counts hold (SalesScope): in a counted status, nothing refunded. */
    private static boolean isCountedSale(CustomerOrder order) {
        return countsAsSale(order.status) && order.payments.stream().noneMatch(p -> REFUNDED.equals(p.status));
    }

    private static int comparePlacement(CustomerOrder a, CustomerOrder b) {
        return placedBefore(a, b) ? -1 : placedBefore(b, a) ? 1 : 0;
    }

    /** Whether an order in this status is a sale for the customer sales rows (as long as no payment of it is refunded). */
    private static boolean countsAsSale(String status) {
        return !"cancelled".equals(status) && !"unavailable".equals(status);
    }

    /** Credit notes (cancellation orders of imported data) are not in the summaries. */
    private static boolean isSale(CustomerOrder order) {
        return "sale".equals(order.kind);
    }

    private static boolean placedBefore(CustomerOrder a, CustomerOrder b) {
        return placedBefore(a.orderedAt, a.id, b.orderedAt, b.id);
    }

    private static boolean placedBefore(OrderRef a, OrderRef b) {
        return placedBefore(a.orderedAt(), a.id(), b.orderedAt(), b.id());
    }

    private static boolean placedBefore(LocalDateTime aTime, long aId, LocalDateTime bTime, long bId) {
        int byTime = aTime.compareTo(bTime);
        return byTime < 0 || byTime == 0 && aId < bId;
    }
}
