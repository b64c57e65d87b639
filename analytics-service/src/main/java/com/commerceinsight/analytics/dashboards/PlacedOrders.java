package com.commerceinsight.analytics.dashboards;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.commerceinsight.analytics.orders.CustomerOrder;
import com.commerceinsight.analytics.orders.OrderLine;
import com.commerceinsight.analytics.orders.Payment;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.orderevents.PaymentState;
import com.commerceinsight.orderevents.jdbc.InLists;

/**
 * New orders as their OrderPlaced events describe them, for {@link LiveSummaries}: the status, lines and payments at
 * placement (the order in the database may have changed since), the customers' places read in one statement, and
 * whether each is still a sale in the database now.
 */
final class PlacedOrders {

    private PlacedOrders() {
    }

    /** The order at placement, not attached to the persistence context (only read). Orders taken by the API are sales. */
    static CustomerOrder of(OrderEvent event, OrderPlaced placed) {
        CustomerOrder order = new CustomerOrder();
        order.id = event.orderId();
        order.customerId = event.customerId();
        order.kind = "sale";
        order.status = placed.status();
        order.orderedAt = LocalDateTime.ofInstant(placed.orderedAt(), ZoneOffset.UTC);
        order.totalAmount = placed.totalAmount();
        order.currency = placed.currency();
        for (OrderPlaced.Line placedLine : placed.lines()) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.lineNumber = placedLine.lineNumber();
            line.productId = placedLine.productId();
            line.quantity = placedLine.quantity();
            line.unitPrice = placedLine.unitPrice();
            order.lines.add(line);
        }
        for (PaymentState state : placed.payments()) {
            Payment payment = new Payment();
            payment.id = state.paymentId();
            payment.order = order;
            payment.customerId = order.customerId;
            payment.sequenceNo = state.sequenceNo();
            payment.method = state.method();
            payment.instalments = state.instalments();
            payment.amount = state.amount();
            payment.status = state.status();
            order.payments.add(payment);
        }
        return order;
    }

    /** The customers' places (one statement per chunk of them) and the products' categories as the events carry them. */
    static OrderReferences references(EntityManager entityManager, Collection<Long> customerIds, Map<Long, Long> categories) {
        Map<Long, OrderReferences.CustomerPlace> places = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> InLists.query(connection, customerIds,
                marks -> "SELECT id, state, country FROM commerce.customer WHERE id IN (" + InLists.marks(marks) + ")",
                row -> places.put(row.getLong(1), new OrderReferences.CustomerPlace(row.getString(2), row.getString(3)))));
        return new OrderReferences() {
            @Override
            public CustomerPlace customer(long customerId) {
                return places.get(customerId);
            }

            @Override
            public Long categoryOf(long productId) {
                return categories.get(productId);
            }
        };
    }

    /** Which of these orders are still sales in the database (not cancelled or unavailable, nothing refunded). */
    static Set<Long> stillSales(EntityManager entityManager, List<CustomerOrder> orders) {
        Set<Long> sales = new HashSet<>();
        if (orders.isEmpty()) {
            return sales;
        }
        List<Long> ids = orders.stream().map(order -> order.id).toList();
        entityManager.unwrap(Session.class).doWork((Connection connection) -> InLists.query(connection, ids,
                marks -> "SELECT o.id FROM commerce.orders o WHERE o.id IN (" + InLists.marks(marks) + ")"
                        + " AND o.status NOT IN ('cancelled', 'unavailable')"
                        + " AND NOT EXISTS (SELECT 1 FROM commerce.payment r WHERE r.order_id = o.id AND r.status = 'refunded')",
                row -> sales.add(row.getLong(1))));
        return sales;
    }
}
