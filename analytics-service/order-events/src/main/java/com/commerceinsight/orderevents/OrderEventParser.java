package com.commerceinsight.orderevents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads one commerce.orders.v1 message into an {@link OrderEvent}, or says why it is not one: the message is validated
 * against the topic's JSON Schema (the same file as deploy/events/commerce.orders.v1.schema.json, formats asserted),
 * and only a valid one is bound to the records. Unknown extra properties are accepted, as the contract asks.
 * Thread-safe; the schema is loaded once.
 */
public final class OrderEventParser {

    private static final String SCHEMA = "commerce.orders.v1.schema.json";

    // Money stays exact, as written: by default Jackson reads decimals as doubles and strips trailing zeros.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .addModule(new JavaTimeModule()).build();

    private static final JsonSchema CONTRACT = loadSchema();

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
        Set<ValidationMessage> violations = CONTRACT.validate(root);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("not a " + OrderEventTopic.NAME + " event: " + violations.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        return bound(root);
    }

    /**
     * Reads a message this service serialised itself (the producer's own outbox row), without checking it against the
     * schema: the records wrote it, and the check costs more than the binding.
     */
    public static OrderEvent parseWritten(String message) throws MalformedEventException {
        try {
            return bound(JSON.readTree(message));
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static OrderEvent bound(JsonNode root) throws MalformedEventException {
        String eventType = root.get("eventType").textValue();
        try {
            OrderEvent.EventData data = JSON.treeToValue(root.get("data"), dataType(eventType));
            JsonNode customer = root.get("customerId");
            return new OrderEvent(UUID.fromString(root.get("eventId").textValue()), eventType, root.get("schemaVersion").intValue(),
                    instant(root.get("occurredAt")), customer.isNull() ? null : customer.longValue(), root.get("orderId").longValue(),
                    data);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            // Valid by the schema, yet beyond what the records hold (a number past their range, say).
            throw new MalformedEventException("cannot be read as " + eventType + ": " + e.getMessage());
        }
    }

    private static Class<? extends OrderEvent.EventData> dataType(String eventType) {
        return switch (eventType) {
            case "OrderPlaced" -> OrderPlaced.class;
            case "PaymentStatusChanged" -> PaymentStatusChanged.class;
            case "OrderStatusChanged" -> OrderStatusChanged.class;
            default -> throw new IllegalArgumentException("unknown eventType '" + eventType + "'"); // the schema's enum forbids it
        };
    }

    private static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.textValue()).toInstant();
    }

    private static JsonSchema loadSchema() {
        try (InputStream schema = OrderEventParser.class.getResourceAsStream(SCHEMA)) {
            if (schema == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath beside " + OrderEventParser.class.getName());
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
