package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.Session;

import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.events.TimeOrderedIds;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.orderevents.OrderStatusChanged;
import com.commerceinsight.orderevents.PaymentState;
import com.commerceinsight.orderevents.PaymentStatusChanged;
import com.commerceinsight.analytics.outbox.OutboxWriter;
import com.commerceinsight.analytics.tracing.TraceParents;
import com.commerceinsight.analytics.problem.ConflictException;
import com.commerceinsight.analytics.problem.UnknownReferenceException;

/**
 * Writes new orders and status changes. Each change and the event that announces it are written in one
 * transaction (the outbox), so the database never holds an order without its event, and an accepted order is
 * never lost when Kafka is down. The transaction writes nothing else: the read models (the dashboards' summaries,
 * the analyses' kept counts) follow the committed events (the order projector).
 */
@ApplicationScoped
public class OrderIngestService {

    /** The data_source of orders taken through the API. */
    public static final String API_SOURCE = "api";

    private final OutboxWriter outbox;
    private final NewOrderRows orderRows;
    private final PlacementReferences references;
    private final Clock clock = Clock.systemUTC();

    public OrderIngestService(OutboxWriter outbox, NewOrderRows orderRows, PlacementReferences references) {
        this.outbox = outbox;
        this.orderRows = orderRows;
        this.references = references;
    }

    /** Places one order in a transaction of its own; a refused order throws its refusal. */
    @Transactional
    public OrderAccepted placeOrder(PlaceOrderRequest request) {
        return placeOrders(List.of(request)).get(0).acceptedOrThrow();
    }

    /**
     * Places a batch of orders in one transaction (the group commit of {@link OrderPlacementQueue}): the batch's
     * customers locked and read in one statement and its products in another ({@link PlacementReferences}), the
     * orders, lines, payments and outbox rows of all orders sent as one plain JDBC batch per table
     * ({@link NewOrderRows}). A request with an unknown customer or
     * product is refused on its own; the others are written. The result lists each request's outcome in request order.
     */
    @Transactional
    public List<PlacementOutcome> placeOrders(List<PlaceOrderRequest> requests) {
        return placeOrders(requests, Collections.nCopies(requests.size(), TraceParents.current()));
    }

    /** As above, each request's events in the trace of that request (W3C traceparent, or null). */
    @Transactional
    public List<PlacementOutcome> placeOrders(List<PlaceOrderRequest> requests, List<String> traceparents) {
        Set<Long> customerIds = requests.stream().map(PlaceOrderRequest::customerId).collect(Collectors.toCollection(TreeSet::new));
        Set<Long> productIds = requests.stream().flatMap(r -> r.lines().stream()).map(PlaceOrderRequest.Line::productId)
                .collect(Collectors.toCollection(TreeSet::new));
        PlacementReferences.Found found = session().doReturningWork(connection -> references.read(connection, customerIds, productIds));
        Set<Long> knownCustomers = found.customers();
        Map<Long, PlacementReferences.KnownProduct> products = found.products();

        // Refused requests get their outcome now; the others once their rows are written.
        PlacementOutcome[] outcomes = new PlacementOutcome[requests.size()];
        CustomerOrder[] orders = new CustomerOrder[requests.size()];
        List<CustomerOrder> written = new ArrayList<>(requests.size());
        List<String> writtenTraces = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                orders[i] = newOrder(requests.get(i), knownCustomers, products);
                written.add(orders[i]);
                writtenTraces.add(traceparents.get(i));
            } catch (UnknownReferenceException refused) {
                outcomes[i] = PlacementOutcome.refused(refused);
            }
        }
        // Ids first: each order's event names the order and its payment.
        session().doWork(connection -> orderRows.assignIds(connection, written));
        Map<CustomerOrder, OrderEvent> events = new IdentityHashMap<>();
        for (CustomerOrder order : written) {
            events.put(order, placedEvent(order, order.payments.get(0), products));
        }
        session().doWork(connection -> orderRows.insert(connection, written));
        outbox.appendAll(written.stream().map(events::get).toList(), writtenTraces);
        for (int i = 0; i < orders.length; i++) {
            CustomerOrder order = orders[i];
            if (order != null) {
                outcomes[i] = PlacementOutcome.accepted(new OrderAccepted(order.id, events.get(order).eventId(),
                        order.totalAmount, order.status, order.payments.get(0).id));
            }
        }
        return List.of(outcomes);
    }

    /** The order a request describes, not yet persisted; refused when its customer or a product is unknown. */
    private CustomerOrder newOrder(PlaceOrderRequest request, Set<Long> knownCustomers,
            Map<Long, PlacementReferences.KnownProduct> products) {
        if (!knownCustomers.contains(request.customerId())) {
            throw new UnknownReferenceException("customerId", "no customer " + request.customerId());
        }
        for (int i = 0; i < request.lines().size(); i++) {
            Long productId = request.lines().get(i).productId();
            if (!products.containsKey(productId)) {
                throw new UnknownReferenceException("lines[" + i + "].productId", "no product " + productId);
            }
        }
        Instant orderedAt = request.orderedAt() == null ? clock.instant() : request.orderedAt();
        CustomerOrder order = new CustomerOrder();
        order.dataSource = API_SOURCE;
        order.externalRef = TimeOrderedIds.next().toString();
        order.customerId = request.customerId();
        order.kind = "sale";
        order.status = "pending";
        order.orderedAt = utc(orderedAt);
        order.currency = request.currency();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrderRequest.Line requested = request.lines().get(i);
            PlacementReferences.KnownProduct product = products.get(requested.productId());
            OrderLine line = new OrderLine();
            line.order = order;
            line.lineNumber = i + 1;
            line.productId = product.id();
            line.quantity = requested.quantity();
            line.unitPrice = requested.unitPrice() != null ? requested.unitPrice() : listPrice(product, i);
            order.lines.add(line);
            total = total.add(line.unitPrice.multiply(BigDecimal.valueOf(line.quantity)));
        }
        order.totalAmount = total.setScale(2, RoundingMode.HALF_UP);
        order.payments.add(paymentAttempt(order, 1, request.payment(), order.orderedAt));
        return order;
    }

    private static OrderEvent placedEvent(CustomerOrder order, Payment payment, Map<Long, PlacementReferences.KnownProduct> products) {
        Instant orderedAt = order.orderedAt.toInstant(ZoneOffset.UTC);
        List<OrderPlaced.Line> lines = new ArrayList<>();
        for (OrderLine line : order.lines) {
            lines.add(new OrderPlaced.Line(line.lineNumber, line.productId, products.get(line.productId).categoryId(),
                    line.quantity, line.unitPrice));
        }
        return OrderEvent.of(TimeOrderedIds.next(), orderedAt, order.customerId, order.id, new OrderPlaced(orderedAt,
                order.status, order.totalAmount, order.currency, lines, List.of(stateOf(payment))));
    }

    @Transactional
    public StatusChanged changeOrderStatus(long orderId, String status) {
        CustomerOrder order = lockedOrder(orderId);
        String previous = order.status;
        if (!OrderStatusRules.orderMayMove(previous, status)) {
            throw new ConflictException("order " + orderId + " cannot move from " + previous + " to " + status);
        }
        Instant now = clock.instant();
        order.status = status;
        switch (status) {
            case "approved" -> order.approvedAt = utc(now);
            case "shipped" -> order.shippedAt = utc(now);
            case "delivered" -> order.deliveredAt = utc(now);
            default -> { }
        }
        OrderEvent event = OrderEvent.of(TimeOrderedIds.next(), now, order.customerId, order.id,
                new OrderStatusChanged(status, previous, order.totalAmount));
        outbox.append(event);
        return new StatusChanged(order.id, null, status, previous, event.eventId());
    }

    @Transactional
    public StatusChanged changePaymentStatus(long orderId, long paymentId, String status) {
        CustomerOrder order = lockedOrder(orderId);
        Payment payment = Payment.findById(paymentId);
        if (payment == null || !payment.order.id.equals(order.id)) {
            throw new NotFoundException("order " + orderId + " has no payment " + paymentId);
        }
        String previous = payment.status;
        if (!OrderStatusRules.paymentMayMove(previous, status)) {
            throw new ConflictException("payment " + paymentId + " cannot move from " + previous + " to " + status);
        }
        Instant now = clock.instant();
        payment.status = status;
        if (status.equals("succeeded")) {
            payment.paidAt = utc(now);
        }
        OrderEvent event = OrderEvent.of(TimeOrderedIds.next(), now, order.customerId, order.id, new PaymentStatusChanged(stateOf(payment), previous));
        outbox.append(event);
        return new StatusChanged(order.id, payment.id, status, previous, event.eventId());
    }

    /** A further payment attempt for an order (e.g. a retry after a failed one). */
    @Transactional
    public StatusChanged addPayment(long orderId, PlaceOrderRequest.PaymentAttempt attempt) {
        CustomerOrder order = lockedOrder(orderId);
        Instant now = clock.instant();
        int sequenceNo = order.payments.stream().mapToInt(p -> p.sequenceNo).max().orElse(0) + 1;
        Payment payment = paymentAttempt(order, sequenceNo, attempt, utc(now));
        payment.persist();
        OrderEvent event = OrderEvent.of(TimeOrderedIds.next(), now, order.customerId, order.id, new PaymentStatusChanged(stateOf(payment), null));
        outbox.append(event);
        return new StatusChanged(order.id, payment.id, payment.status, null, event.eventId());
    }

    /** A payment attempt for the order's total; a succeeded one is paid at {@code at}. */
    private static Payment paymentAttempt(CustomerOrder order, int sequenceNo, PlaceOrderRequest.PaymentAttempt attempt,
            LocalDateTime at) {
        Payment payment = new Payment();
        payment.order = order;
        payment.customerId = order.customerId;
        payment.sequenceNo = sequenceNo;
        payment.method = attempt.method();
        payment.instalments = attempt.instalments();
        payment.amount = order.totalAmount;
        payment.status = attempt.status();
        payment.paidAt = payment.status.equals("succeeded") ? at : null;
        return payment;
    }

    /**
     * Status changes of one order are serialised, so each event's previous status is the one it replaced. The order's
     * customer is locked first, as a placement batch locks its customers: one customer's changes commit one at a time,
     * so their events are written in the order of their commits, and both paths take their locks in the same order
     * (customer, then order), so a status change and a batch of that customer's new orders cannot deadlock.
     */
    private static CustomerOrder lockedOrder(long orderId) {
        CustomerOrder.getEntityManager().createQuery("select o.customerId from CustomerOrder o where o.id = ?1", Long.class)
                .setParameter(1, orderId).getResultStream().filter(Objects::nonNull).findFirst()
                .ifPresent(customerId -> Customer.getEntityManager().find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE));
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order " + orderId);
        }
        return order;
    }

    private static Session session() {
        return CustomerOrder.getEntityManager().unwrap(Session.class);
    }

    private static BigDecimal listPrice(PlacementReferences.KnownProduct product, int lineIndex) {
        if (product.price() == null) {
            throw new UnknownReferenceException("lines[" + lineIndex + "].unitPrice",
                    "product " + product.id() + " has no list price; give unitPrice");
        }
        return product.price();
    }

    private static PaymentState stateOf(Payment payment) {
        return new PaymentState(payment.id, payment.sequenceNo, payment.method, payment.instalments, payment.amount, payment.status);
    }

    /**
     * The UTC time as the schema stores it: to the millisecond (TIMESTAMP(3) / DATETIME2(3)). Cut here, so that the row
     * and the event carry the same value; a finer clock reading would be rounded by the database and kept whole in the
     * event, and a consumer's copy of the time could then differ from the order's by a millisecond.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
