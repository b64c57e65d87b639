package com.commerceinsight.segmentation.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reads one commerce.orders.v1 message into an {@link OrderEvent}, or says why it is not one. It checks the
 * envelope and every field this service reads; unknown extra properties are accepted, as the contract asks.
 */
public final class OrderEventParser {

    private static final Set<String> ORDER_STATUSES = Set.of("created", "pending", "processing", "approved",
            "invoiced", "shipped", "delivered", "cancelled", "unavailable");
    private static final Set<String> PAYMENT_STATUSES = Set.of("pending", "succeeded", "failed", "refunded");

    // Money stays exact, as written: by default Jackson reads decimals as doubles and strips trailing zeros.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private OrderEventParser() {
    }

    public static OrderEvent parse(String message) throws MalformedEventException {
        if (message == null) {
            throw new MalformedEventException("empty message");
        }
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        UUID eventId = uuid(root, "eventId");
        String eventType = text(root, "eventType");
        int schemaVersion = smallInteger(root, "schemaVersion");
        if (schemaVersion != OrderEvent.SCHEMA_VERSION) {
            throw new MalformedEventException("schemaVersion " + schemaVersion + " is not supported (expected "
                    + OrderEvent.SCHEMA_VERSION + ")");
        }
        Instant occurredAt = instant(root, "occurredAt");
        Long customerId = nullableInteger(root, "customerId");
        long orderId = integer(root, "orderId", 1);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("data is missing or not an object");
        }
        OrderEvent.EventData eventData = switch (eventType) {
            case "OrderPlaced" -> orderPlaced(data);
            case "PaymentStatusChanged" -> paymentStatusChanged(data);
            case "OrderStatusChanged" -> orderStatusChanged(data);
            default -> throw new MalformedEventException("unknown eventType '" + eventType + "'");
        };
        return new OrderEvent(eventId, occurredAt, customerId, orderId, eventData);
    }

    private static OrderPlaced orderPlaced(JsonNode data) throws MalformedEventException {
        JsonNode lines = data.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new MalformedEventException("OrderPlaced without lines");
        }
        List<OrderPlaced.Line> parsedLines = new ArrayList<>();
        for (JsonNode line : lines) {
            int quantity = smallInteger(line, "quantity");
            if (quantity == 0) {
                throw new MalformedEventException("an order line has quantity 0");
            }
            parsedLines.add(new OrderPlaced.Line(integer(line, "productId", 1), quantity));
        }
        JsonNode payments = data.get("payments");
        if (payments == null || !payments.isArray()) {
            throw new MalformedEventException("OrderPlaced without a payments array");
        }
        List<String> paymentStatuses = new ArrayList<>();
        for (JsonNode payment : payments) {
            paymentStatuses.add(oneOf(payment, "status", PAYMENT_STATUSES));
        }
        return new OrderPlaced(instant(data, "orderedAt"), oneOf(data, "status", ORDER_STATUSES),
                money(data, "totalAmount"), parsedLines, paymentStatuses);
    }

    private static PaymentStatusChanged paymentStatusChanged(JsonNode data) throws MalformedEventException {
        JsonNode payment = data.get("payment");
        if (payment == null || !payment.isObject()) {
            throw new MalformedEventException("PaymentStatusChanged without a payment");
        }
        if (!data.has("previousStatus")) {
            throw new MalformedEventException("missing previousStatus (null for a new payment attempt)");
        }
        String previous = data.get("previousStatus").isNull() ? null : oneOf(data, "previousStatus", PAYMENT_STATUSES);
        return new PaymentStatusChanged(oneOf(payment, "status", PAYMENT_STATUSES), previous);
    }

    private static OrderStatusChanged orderStatusChanged(JsonNode data) throws MalformedEventException {
        return new OrderStatusChanged(oneOf(data, "status", ORDER_STATUSES), oneOf(data, "previousStatus", ORDER_STATUSES),
                money(data, "totalAmount"));
    }

    private static JsonNode required(JsonNode node, String field) throws MalformedEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws MalformedEventException {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new MalformedEventException(field + " is not a string");
        }
        return value.textValue();
    }

    private static String oneOf(JsonNode node, String field, Set<String> allowed) throws MalformedEventException {
        String value = text(node, field);
        if (!allowed.contains(value)) {
            throw new MalformedEventException(field + " '" + value + "' is not one of " + allowed);
        }
        return value;
    }

    private static UUID uuid(JsonNode node, String field) throws MalformedEventException {
        String value = text(node, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID: '" + value + "'");
        }
    }

    private static Instant instant(JsonNode node, String field) throws MalformedEventException {
        String value = text(node, field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(field + " is not an ISO date-time with offset: '" + value + "'");
        }
    }

    private static long integer(JsonNode node, String field, long minimum) throws MalformedEventException {
        return checkedInteger(field, required(node, field), minimum);
    }

    private static Long nullableInteger(JsonNode node, String field) throws MalformedEventException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new MalformedEventException("missing " + field + " (null for an anonymous sale)");
        }
        return value.isNull() ? null : checkedInteger(field, value, 1);
    }

    private static int smallInteger(JsonNode node, String field) throws MalformedEventException {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedEventException(field + " is not a 32-bit integer");
        }
        return value.intValue();
    }

    private static long checkedInteger(String field, JsonNode value, long minimum) throws MalformedEventException {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedEventException(field + " is not an integer");
        }
        long number = value.longValue();
        if (number < minimum) {
            throw new MalformedEventException(field + " must be at least " + minimum);
        }
        return number;
    }

    private static BigDecimal money(JsonNode node, String field) throws MalformedEventException {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new MalformedEventException(field + " is not a number");
        }
        return value.decimalValue();
    }
}
