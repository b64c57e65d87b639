package com.commerceinsight.orderevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Messages in, records or reasons out: what the producer writes is read back whole, anything else is refused with why. */
class OrderEventParserTest {

    /** Serialises as analytics-service's outbox does (Jackson, ISO times). */
    private static final ObjectMapper PRODUCER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final Instant AT = Instant.parse("2024-03-01T09:15:00.123Z");

    static OrderEvent placed() {
        PaymentState payment = new PaymentState(77, 1, "credit_card", 3, new BigDecimal("59.90"), "succeeded");
        OrderPlaced data = new OrderPlaced(AT, "pending", new BigDecimal("59.90"), "EUR",
                List.of(new OrderPlaced.Line(1, 11, 5L, 2, new BigDecimal("19.95")), new OrderPlaced.Line(2, 12, null, 1, new BigDecimal("20.00"))),
                List.of(payment));
        return OrderEvent.of(UUID.randomUUID(), AT, 1001L, 501, data);
    }

    @Test
    void everyEventTypeTheProducerWritesIsReadBackEqual() throws Exception {
        PaymentState refunded = new PaymentState(77, 1, "credit_card", null, new BigDecimal("59.90"), "refunded");
        List<OrderEvent> events = List.of(placed(),
                OrderEvent.of(UUID.randomUUID(), AT, 1001L, 501, new PaymentStatusChanged(refunded, "succeeded")),
                OrderEvent.of(UUID.randomUUID(), AT, null, 502, new OrderStatusChanged("cancelled", "pending", new BigDecimal("10.00"))));
        for (OrderEvent event : events) {
            assertThat(OrderEventParser.parse(PRODUCER.writeValueAsString(event))).isEqualTo(event);
        }
        OrderPlaced data = (OrderPlaced) OrderEventParser.parse(PRODUCER.writeValueAsString(events.get(0))).data();
        assertThat(data.totalAmount()).hasToString("59.90"); // money exact, trailing zero kept
        assertThat(data.paymentStatuses()).containsExactly("succeeded");
        assertThat(((PaymentStatusChanged) events.get(1).data()).status()).isEqualTo("refunded");
        assertThat(events.get(2).messageKey()).isEqualTo(OrderEventTopic.ANONYMOUS_KEY);
    }

    @Test
    void unknownExtraPropertiesAreAccepted() throws Exception {
        ObjectNode message = PRODUCER.valueToTree(placed());
        message.put("traceparent", "00-abc-def-01");
        ((ObjectNode) message.get("data")).put("channel", "mobile");
        assertThat(OrderEventParser.parse(message.toString()).orderId()).isEqualTo(501);
    }

    @Test
    void offsetsOtherThanUtcAreTheSameInstant() throws Exception {
        ObjectNode message = PRODUCER.valueToTree(placed());
        message.put("occurredAt", "2024-03-01T10:15:00.123+01:00");
        assertThat(OrderEventParser.parse(message.toString()).occurredAt()).isEqualTo(AT);
    }

    @Test
    void messagesThatAreNotContractEventsAreRefusedWithTheReason() throws Exception {
        assertRefused(null, "empty message");
        assertRefused("{\"eventId\": truncated", "not JSON");
        assertRefused("[1, 2]", "not a JSON object");
        assertRefused(with("schemaVersion", 2), "schemaVersion");
        assertRefused(with("eventType", "OrderShipped"), "eventType");
        assertRefused(with("eventId", "not-a-uuid"), "eventId");
        assertRefused(with("occurredAt", "yesterday"), "occurredAt");
        assertRefused(with("orderId", 0), "orderId");
        assertRefused(without("customerId"), "customerId");
        ObjectNode zeroQuantity = PRODUCER.valueToTree(placed());
        ((ObjectNode) zeroQuantity.get("data").get("lines").get(0)).put("quantity", 0);
        assertRefused(zeroQuantity.toString(), "quantity");
        ObjectNode badStatus = PRODUCER.valueToTree(placed());
        ((ObjectNode) badStatus.get("data")).put("status", "teleported");
        assertRefused(badStatus.toString(), "status");
        ObjectNode noLines = PRODUCER.valueToTree(placed());
        ((ObjectNode) noLines.get("data")).putArray("lines");
        assertRefused(noLines.toString(), "lines");
    }

    @Test
    void aNumberTheSchemaAllowsButTheRecordsCannotHoldIsRefused() throws Exception {
        ObjectNode huge = PRODUCER.valueToTree(placed());
        ((ObjectNode) huge.get("data").get("lines").get(0)).put("quantity", 10_000_000_000L);
        assertThatThrownBy(() -> OrderEventParser.parse(huge.toString())).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("cannot be read as OrderPlaced");
    }

    private static String with(String field, Object value) {
        ObjectNode message = PRODUCER.valueToTree(placed());
        message.set(field, PRODUCER.valueToTree(value));
        return message.toString();
    }

    private static String without(String field) {
        ObjectNode message = PRODUCER.valueToTree(placed());
        message.remove(field);
        return message.toString();
    }

    private static void assertRefused(String message, String reasonMentions) {
        assertThatThrownBy(() -> OrderEventParser.parse(message)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(reasonMentions);
    }
}
