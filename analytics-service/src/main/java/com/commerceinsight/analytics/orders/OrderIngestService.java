package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.Session;

import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.dashboards.LiveSummaries;
import com.commerceinsight.analytics.events.OrderEvent;
import com.commerceinsight.analytics.events.OrderPlaced;
import com.commerceinsight.analytics.events.OrderStatusChanged;
import com.commerceinsight.analytics.events.PaymentState;
import com.commerceinsight.analytics.events.PaymentStatusChanged;
import com.commerceinsight.analytics.outbox.OutboxWriter;
import com.commerceinsight.analytics.problem.ConflictException;
import com.commerceinsight.analytics.problem.UnknownReferenceException;

/**
 * Writes new orders and status changes. Each change and the event that announces it are written in one
 * transaction (the outbox), so the database never holds an order without its event, and an accepted order is
 * never lost when Kafka is down.
 */
@ApplicationScoped
public class OrderIngestService {

    /** The data_source of orders taken through the API. */
    public static final String API_SOURCE = "api";

    private final OutboxWriter outbox;
    private final LiveSummaries summaries;
    private final Clock clock = Clock.systemUTC();

    public OrderIngestService(OutboxWriter outbox, LiveSummaries summaries) {
        this.outbox = outbox;
        this.summaries = summaries;
    }

    @Transactional
    public OrderAccepted placeOrder(PlaceOrderRequest request) {
        if (Customer.findById(request.customerId()) == null) {
            throw new UnknownReferenceException("customerId", "no customer " + request.customerId());
        }
        Map<Long, Product> products = productsOf(request.lines());
        Instant orderedAt = request.orderedAt() == null ? clock.instant() : request.orderedAt();

        CustomerOrder order = new CustomerOrder();
        order.dataSource = API_SOURCE;
        order.externalRef = java.util.UUID.randomUUID().toString();
        order.customerId = request.customerId();
        order.kind = "sale";
        order.status = "pending";
        order.orderedAt = utc(orderedAt);
        order.currency = request.currency();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrderRequest.Line requested = request.lines().get(i);
            Product product = products.get(requested.productId());
            OrderLine line = new OrderLine();
            line.order = order;
            line.lineNumber = i + 1;
            line.productId = product.id;
            line.quantity = requested.quantity();
            line.unitPrice = requested.unitPrice() != null ? requested.unitPrice() : listPrice(product, i);
            order.lines.add(line);
            total = total.add(line.unitPrice.multiply(BigDecimal.valueOf(line.quantity)));
        }
        order.totalAmount = total.setScale(2, RoundingMode.HALF_UP);

        Payment payment = paymentAttempt(order, 1, request.payment(), order.orderedAt);
        order.payments.add(payment);
        order.persist();

        List<OrderPlaced.Line> lines = new ArrayList<>();
        for (OrderLine line : order.lines) {
            lines.add(new OrderPlaced.Line(line.lineNumber, line.productId, products.get(line.productId).categoryId,
                    line.quantity, line.unitPrice));
        }
        OrderEvent event = OrderEvent.of(orderedAt, order.customerId, order.id, new OrderPlaced(orderedAt,
                order.status, order.totalAmount, order.currency, lines, List.of(stateOf(payment))));
        outbox.append(event);
        summaries.orderPlaced(order);
        return new OrderAccepted(order.id, event.eventId(), order.totalAmount, order.status, payment.id);
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
        OrderEvent event = OrderEvent.of(now, order.customerId, order.id,
                new OrderStatusChanged(status, previous, order.totalAmount));
        outbox.append(event);
        summaries.orderStatusChanged(order, previous);
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
        OrderEvent event = OrderEvent.of(now, order.customerId, order.id, new PaymentStatusChanged(stateOf(payment), previous));
        outbox.append(event);
        summaries.paymentStatusChanged(order, payment, previous);
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
        OrderEvent event = OrderEvent.of(now, order.customerId, order.id, new PaymentStatusChanged(stateOf(payment), null));
        outbox.append(event);
        summaries.paymentAdded(order, payment);
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

    /** Status changes of one order are serialised, so each event's previous status is the one it replaced. */
    private static CustomerOrder lockedOrder(long orderId) {
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order " + orderId);
        }
        return order;
    }

    private static Map<Long, Product> productsOf(List<PlaceOrderRequest.Line> lines) {
        List<Long> ids = lines.stream().map(PlaceOrderRequest.Line::productId).distinct().toList();
        // multiLoad, not an HQL "id in" query: its SQL is prepared once, while an IN list of varying length is
        // translated anew on every call (half of this service's CPU per order went there).
        Map<Long, Product> found = Product.getEntityManager().unwrap(Session.class).byMultipleIds(Product.class)
                .multiLoad(ids).stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        for (int i = 0; i < lines.size(); i++) {
            if (!found.containsKey(lines.get(i).productId())) {
                throw new UnknownReferenceException("lines[" + i + "].productId", "no product " + lines.get(i).productId());
            }
        }
        return found;
    }

    private static BigDecimal listPrice(Product product, int lineIndex) {
        if (product.price == null) {
            throw new UnknownReferenceException("lines[" + lineIndex + "].unitPrice",
                    "product " + product.id + " has no list price; give unitPrice");
        }
        return product.price;
    }

    private static PaymentState stateOf(Payment payment) {
        return new PaymentState(payment.id, payment.sequenceNo, payment.method, payment.instalments, payment.amount, payment.status);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
