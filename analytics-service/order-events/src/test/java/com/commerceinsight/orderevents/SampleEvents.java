package com.commerceinsight.orderevents;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds commerce.orders.v1 messages as the producer writes them, for the consuming services' tests (this module's test jar);
 * SampleEventsTest checks them against the contract.
 */
public final class SampleEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Line(long productId, int quantity, String unitPrice) {
    }

    private SampleEvents() {
    }

    public static String orderPlaced(UUID eventId, Long customerId, long orderId, String orderedAt, String status,
            String totalAmount, List<Line> lines, List<String> paymentStatuses) {
        ObjectNode data = JSON.createObjectNode();
        data.put("orderedAt", orderedAt);
        data.put("status", status);
        data.put("totalAmount", new BigDecimal(totalAmount));
        data.put("currency", "EUR");
        ArrayNode lineNodes = data.putArray("lines");
        for (int i = 0; i < lines.size(); i++) {
            lineNodes.addObject()
                    .put("lineNumber", i + 1)
                    .put("productId", lines.get(i).productId())
                    .put("categoryId", 7)
                    .put("quantity", lines.get(i).quantity())
                    .put("unitPrice", new BigDecimal(lines.get(i).unitPrice()));
        }
        ArrayNode payments = data.putArray("payments");
        for (int i = 0; i < paymentStatuses.size(); i++) {
            payments.add(payment(orderId * 10 + i, i + 1, totalAmount, paymentStatuses.get(i)));
        }
        return envelope(eventId, "OrderPlaced", orderedAt, customerId, orderId, data);
    }

    public static String paymentStatusChanged(UUID eventId, Long customerId, long orderId, String occurredAt,
            int sequenceNo, String amount, String status, String previousStatus) {
        ObjectNode data = JSON.createObjectNode();
        data.set("payment", payment(orderId * 10 + sequenceNo - 1, sequenceNo, amount, status));
        data.put("previousStatus", previousStatus);
        return envelope(eventId, "PaymentStatusChanged", occurredAt, customerId, orderId, data);
    }

    public static String orderStatusChanged(UUID eventId, Long customerId, long orderId, String occurredAt,
            String status, String previousStatus, String totalAmount) {
        ObjectNode data = JSON.createObjectNode();
        data.put("status", status);
        data.put("previousStatus", previousStatus);
        data.put("totalAmount", new BigDecimal(totalAmount));
        return envelope(eventId, "OrderStatusChanged", occurredAt, customerId, orderId, data);
    }

    private static ObjectNode payment(long paymentId, int sequenceNo, String amount, String status) {
        return JSON.createObjectNode()
                .put("paymentId", paymentId)
                .put("sequenceNo", sequenceNo)
                .put("method", "credit_card")
                .put("instalments", 1)
                .put("amount", new BigDecimal(amount))
                .put("status", status);
    }

    private static String envelope(UUID eventId, String eventType, String occurredAt, Long customerId, long orderId,
            ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId.toString());
        event.put("eventType", eventType);
        event.put("schemaVersion", 1);
        event.put("occurredAt", occurredAt);
        event.put("customerId", customerId);
        event.put("orderId", orderId);
        event.set("data", data);
        return event.toString();
    }
}
