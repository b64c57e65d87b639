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

import org.hibernate.Session;

import com.commerceinsight.analytics.analyses.counts.FulfilmentRows;
import com.commerceinsight.analytics.analyses.counts.SaleMembership;
import com.commerceinsight.analytics.analyses.counts.SalesCounts;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.orders.CustomerOrder;
import com.commerceinsight.analytics.orders.OrderLine;
import com.commerceinsight.analytics.orders.Payment;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.commerceinsight.orderevents.PaymentState;
import com.commerceinsight.orderevents.PaymentStatusChanged;
import com.commerceinsight.orderevents.jdbc.InLists;

/**
 * Keeps the daily summaries (and the customer sales rows and sales counts of the analyses) current: applies committed
 * order events, in the transaction of the order projector's round that marks them applied, so an event is applied
 * exactly once and a summary never counts an order that was rolled back. Its rules are the rebuild's
 * ({@link SummaryRebuilder}): what one files, the other recomputes.
 * <p>
 * Why this works although the database may already hold later changes than the events being applied (a change
 * committed after the round read the outbox): every figure is either a delta carried by the event (an order's
 * contribution under the status and payments the event names; a status or payment change from its previous value to
 * its new one), which commutes with every other delta, or is set from the database as it is now (a customer's sales
 * row and sales counts recomputed, an order's fulfilment times), which a later event of the same customer sets again.
 * The shortcut for a new sale (added to its customer's rows without reading the customer's history) is taken only
 * when the order is still a sale in the database and comes after every sale the customer's row holds, so it never
 * adds what a recomputation already counted. Which order is a customer's first is the earliest in the database;
 * the one filed as first before ({@link FirstOrderRows}) is moved to the returning orders.
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
     * Applies committed order events (in outbox order) inside the caller's transaction: the new orders first, as one
     * change, then the status and payment changes, as another. A change whose order is not in the database (removed
     * since) is skipped.
     */
    public void apply(List<OrderEvent> events) {
        List<CustomerOrder> placed = new ArrayList<>();
        Map<Long, Long> categories = new HashMap<>();
        List<OrderEvent> changes = new ArrayList<>();
        for (OrderEvent event : events) {
            if (event.data() instanceof OrderPlaced order) {
                placed.add(PlacedOrders.of(event, order));
                order.lines().forEach(line -> {
                    if (line.categoryId() != null) {
                        categories.put(line.productId(), line.categoryId());
                    }
                });
            } else {
                changes.add(event);
            }
        }
        if (!placed.isEmpty()) {
            ordersPlaced(placed, categories);
        }
        if (!changes.isEmpty()) {
            SummaryChange change = new SummaryChange();
            for (OrderEvent event : changes) {
                CustomerOrder order = entityManager.find(CustomerOrder.class, event.orderId());
                if (order == null || !isSale(order)) {
                    continue;
                }
                if (event.data() instanceof OrderStatusChanged status) {
                    orderStatusChanged(change, order, status.previousStatus(), status.status());
                } else if (event.data() instanceof PaymentStatusChanged payment) {
                    paymentStatusChanged(change, order, payment.payment(), payment.previousStatus());
                }
            }
            write(change);
        }
    }

    /**
     * Each customer's earliest sale order in the database (by time, then id), new orders included: a new order is its
     * customer's first exactly when it is this one.
     */
    private Map<Long, Long> earliestOrders(Collection<Long> customerIds) {
        Map<Long, Long> earliest = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> InLists.query(connection, customerIds, LiveSummaries::firstOrders,
                row -> earliest.put(row.getLong(1), row.getLong(3))));
        return earliest;
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
     * New sale orders as their events describe them (status, lines and payments at placement), in the order they were
     * placed; {@code categories} holds their products' categories. All their additions go out as one change.
     */
    private void ordersPlaced(List<CustomerOrder> orders, Map<Long, Long> categories) {
        Set<Long> customerIds = new TreeSet<>();
        orders.forEach(order -> {
            if (order.customerId != null) {
                customerIds.add(order.customerId);
            }
        });
        OrderReferences known = PlacedOrders.references(entityManager, customerIds, categories);
        Map<Long, Long> earliest = earliestOrders(customerIds);
        Set<Long> stillSales = PlacedOrders.stillSales(entityManager, orders.stream().filter(LiveSummaries::isCountedSale).toList());
        SummaryChange change = new SummaryChange();
        Map<Long, CustomerOrder> newFirst = new TreeMap<>();
        Map<Long, List<CustomerOrder>> newSales = new TreeMap<>();
        Set<Long> recomputed = new TreeSet<>();
        for (CustomerOrder order : orders) {
            OrderContribution.CustomerKind kind = OrderContribution.CustomerKind.ANONYMOUS;
            if (order.customerId != null) {
                Long first = earliest.get(order.customerId);
                kind = first == null || first.equals(order.id) ? OrderContribution.CustomerKind.FIRST
                        : OrderContribution.CustomerKind.RETURNING;
                if (kind == OrderContribution.CustomerKind.FIRST) {
                    newFirst.put(order.customerId, order);
                }
                if (isCountedSale(order) != stillSales.contains(order.id)) {
                    // Changed since it was placed (a cancellation or refund committed, not yet applied): the
                    // customer's rows are set from the database as it is.
                    recomputed.add(order.customerId);
                } else if (isCountedSale(order)) {
                    newSales.computeIfAbsent(order.customerId, id -> new ArrayList<>()).add(order);
                }
            }
            OrderContribution contribution = contributionOf(order, known);
            contribution.addTo(change, order.status, kind, +1);
            for (Payment payment : order.payments) {
                contribution.addPaymentTo(change, payment.method, payment.status, payment.amount, +1);
            }
        }
        recomputed.forEach(newSales::remove);
        newSales.values().forEach(sales -> sales.sort(LiveSummaries::comparePlacement));
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Long formerFirst : FirstOrderRows.replace(connection, newFirst)) {
                // An order placed before the customer's first takes its place: that one becomes a returning order
                // (its status counts out and in again; only the first and returning counts move).
                CustomerOrder former = entityManager.find(CustomerOrder.class, formerFirst);
                if (former != null) {
                    OrderContribution formerContribution = contributionOf(former, stored);
                    formerContribution.addTo(change, former.status, OrderContribution.CustomerKind.FIRST, -1);
                    formerContribution.addTo(change, former.status, OrderContribution.CustomerKind.RETURNING, +1);
                }
            }
            // A new sale usually comes after all of its customer's: then the customer's rows take it in without their
            // history being read again; a back-dated one has its customer's sales recomputed.
            Map<Long, SaleMembership.SalesSpan> appended = CustomerSalesRows.append(connection, salesRows(newSales));
            Map<Long, SaleMembership.AppendedSales> appendedSales = new TreeMap<>();
            for (Map.Entry<Long, List<CustomerOrder>> customer : newSales.entrySet()) {
                if (appended.containsKey(customer.getKey())) {
                    appendedSales.put(customer.getKey(), new SaleMembership.AppendedSales(appended.get(customer.getKey()),
                            customer.getValue().stream().map(order -> placedSale(order, known)).toList()));
                } else {
                    recomputed.add(customer.getKey());
                }
            }
            recomputed.forEach(change::recomputeCustomerSales);
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

    /**
     * A status change: the order's contribution moves from the previous status to the new one, as the event names them
     * (the order in the database may have moved on). Whether it is filed as a first or a returning order does not
     * matter: the first and returning counts take one out and put one back.
     */
    private void orderStatusChanged(SummaryChange change, CustomerOrder order, String previousStatus, String status) {
        OrderContribution contribution = contributionOf(order, stored);
        OrderContribution.CustomerKind kind = order.customerId == null ? OrderContribution.CustomerKind.ANONYMOUS
                : OrderContribution.CustomerKind.RETURNING;
        contribution.addTo(change, previousStatus, kind, -1);
        contribution.addTo(change, status, kind, +1);
        change.recomputeFulfilment(order.id);
        if (order.customerId != null && (!countsAsSale(previousStatus) || !countsAsSale(status))) {
            change.recomputeCustomerSales(order.customerId);
        }
    }

    /** A payment attempt added (previous status null) or changed, as the event names it. */
    private void paymentStatusChanged(SummaryChange change, CustomerOrder order, PaymentState payment, String previousStatus) {
        OrderContribution contribution = contributionOf(order, stored);
        if (previousStatus != null) {
            contribution.addPaymentTo(change, payment.method(), previousStatus, payment.amount(), -1);
        }
        contribution.addPaymentTo(change, payment.method(), payment.status(), payment.amount(), +1);
        change.recomputeFulfilment(order.id);
        if (order.customerId != null && (REFUNDED.equals(previousStatus) || REFUNDED.equals(payment.status()))) {
            change.recomputeCustomerSales(order.customerId);
        }
    }

    private void write(SummaryChange change) {
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

    private static boolean placedBefore(LocalDateTime aTime, long aId, LocalDateTime bTime, long bId) {
        int byTime = aTime.compareTo(bTime);
        return byTime < 0 || byTime == 0 && aId < bId;
    }
}
