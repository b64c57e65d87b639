package com.commerceinsight.analytics.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.ids.SequenceBlocks;
import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.commerceinsight.analytics.jdbc.CommerceTable;

/**
 * Writes new orders, their lines and payments as plain JDBC batches (one INSERT statement per table for the whole
 * batch of orders) on the caller's transaction's connection. Why not the ORM: persisting entities made the ORM's
 * bookkeeping (entity states, cascades, action queues, the flushes before the summaries' queries) a large share of
 * this service's CPU time per order, for rows that are written once and never changed in the same transaction. The entities are
 * still the in-memory form of the orders (the daily summaries read them); they are just not managed.
 */
@ApplicationScoped
public class NewOrderRows {

    private final SequenceBlocks ids;

    public NewOrderRows(SequenceBlocks ids) {
        this.ids = ids;
    }

    /** Gives each order, line and payment its id: the events built before the insert name them. */
    public void assignIds(Connection connection, List<CustomerOrder> orders) throws SQLException {
        for (CustomerOrder order : orders) {
            order.id = ids.next(connection, "commerce.orders_seq");
            for (OrderLine line : order.lines) {
                line.id = ids.next(connection, "commerce.order_line_seq");
            }
            for (Payment payment : order.payments) {
                payment.id = ids.next(connection, "commerce.payment_seq");
            }
        }
    }

    /** Inserts the orders (ids assigned) with their lines and payments. */
    public void insert(Connection connection, List<CustomerOrder> orders) throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        try (BatchInserter orderRows = CommerceTable.ORDERS.inserter(connection);
                BatchInserter lineRows = CommerceTable.ORDER_LINE.inserter(connection);
                BatchInserter paymentRows = CommerceTable.PAYMENT.inserter(connection)) {
            for (CustomerOrder order : orders) {
                orderRows.add(order.id, order.dataSource, order.externalRef, order.customerId, order.kind, order.status,
                        order.orderedAt, order.approvedAt, order.shippedAt, order.deliveredAt, order.estimatedDeliveryAt,
                        order.totalAmount, order.freightAmount, order.currency, order.country);
            }
            // Parents first: the lines' and payments' foreign keys are checked at each insert.
            orderRows.flush();
            for (CustomerOrder order : orders) {
                for (OrderLine line : order.lines) {
                    lineRows.add(line.id, order.id, line.lineNumber, line.productId, line.sellerId, line.quantity,
                            line.unitPrice, null, null);
                }
                for (Payment payment : order.payments) {
                    paymentRows.add(payment.id, order.id, payment.customerId, payment.sequenceNo, payment.method,
                            payment.instalments, payment.amount, payment.paidAt, payment.status);
                }
            }
        }
    }
}
