package com.commerceinsight.recommender.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

class OrderEventParserTest {

    private static final Path CONTRACT = Path.of("../deploy/events/commerce.orders.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID EVENT_ID = UUID.fromString("3f6c1d2e-8a4b-4c5d-9e0f-112233445566");

    private static JsonSchema contract;

    @BeforeAll
    static void loadContract() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        contract = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(CONTRACT), config);
    }

    static String placed() {
        return SampleEvents.orderPlaced(EVENT_ID, 42L, 7, "2024-03-01T09:15:00Z", "pending", "120.50",
                List.of(new SampleEvents.Line(11, 2, "50.25"), new SampleEvents.Line(12, 1, "20.00")),
                List.of("pending"));
    }

    static Stream<String> contractEvents() {
        return Stream.of(
                placed(),
                SampleEvents.orderPlaced(EVENT_ID, null, 8, "2024-03-01T10:00:00Z", "pending", "9.99",
                        List.of(new SampleEvents.Line(11, 1, "9.99")), List.of("succeeded")),
                SampleEvents.paymentStatusChanged(EVENT_ID, 42L, 7, "2024-03-01T09:20:00Z", 1, "120.50", "failed", "pending"),
                SampleEvents.paymentStatusChanged(EVENT_ID, 42L, 7, "2024-03-01T09:30:00Z", 2, "120.50", "succeeded", null),
                SampleEvents.orderStatusChanged(EVENT_ID, 42L, 7, "2024-03-02T08:00:00Z", "cancelled", "pending", "120.50"));
    }

    @ParameterizedTest
    @MethodSource("contractEvents")
    void sampleEventsAreContractEvents(String event) throws Exception {
        assertThat(contract.validate(JSON.readTree(event))).isEmpty();
        assertThat(OrderEventParser.parse(event).eventId()).isEqualTo(EVENT_ID);
    }

    @Test
    void orderPlacedParses() throws Exception {
        OrderEvent event = OrderEventParser.parse(placed());
        assertThat(event.eventType()).isEqualTo("OrderPlaced");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
        assertThat(event.customerId()).isEqualTo(42L);
        assertThat(event.orderId()).isEqualTo(7);
        assertThat(event.data()).isEqualTo(new OrderPlaced(Instant.parse("2024-03-01T09:15:00Z"), "pending",
                new BigDecimal("120.50"), List.of(new OrderPlaced.Line(11, 2), new OrderPlaced.Line(12, 1)),
                List.of("pending")));
    }

    @Test
    void anonymousSaleHasNoCustomer() throws Exception {
        OrderEvent event = OrderEventParser.parse(contractEvents().toList().get(1));
        assertThat(event.customerId()).isNull();
    }

    @Test
    void paymentStatusChangedParses() throws Exception {
        OrderEvent change = OrderEventParser.parse(
                SampleEvents.paymentStatusChanged(EVENT_ID, 42L, 7, "2024-03-01T09:20:00Z", 1, "120.50", "failed", "pending"));
        OrderEvent attempt = OrderEventParser.parse(
                SampleEvents.paymentStatusChanged(EVENT_ID, 42L, 7, "2024-03-01T09:30:00Z", 2, "120.50", "succeeded", null));
        assertThat(change.data()).isEqualTo(new PaymentStatusChanged("failed", "pending"));
        assertThat(attempt.data()).isEqualTo(new PaymentStatusChanged("succeeded", null));
    }

    @Test
    void orderStatusChangedParses() throws Exception {
        OrderEvent event = OrderEventParser.parse(
                SampleEvents.orderStatusChanged(EVENT_ID, 42L, 7, "2024-03-02T08:00:00+01:00", "cancelled", "pending", "120.50"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-03-02T07:00:00Z"));
        assertThat(event.data()).isEqualTo(new OrderStatusChanged("cancelled", "pending", new BigDecimal("120.50")));
    }

    @Test
    void unknownExtraPropertiesAreAccepted() throws Exception {
        String event = changed(placed(), root -> root.put("traceId", "abc"));
        assertThat(contract.validate(JSON.readTree(event))).isEmpty();
        assertThat(OrderEventParser.parse(event).orderId()).isEqualTo(7);
    }

    @Test
    void textThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> OrderEventParser.parse("{\"eventId\": "))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> OrderEventParser.parse("[1, 2]"))
                .isInstanceOf(MalformedEventException.class).hasMessage("not a JSON object");
    }

    static Stream<Arguments> malformedEvents() {
        return Stream.of(
                Arguments.of(changed(placed(), root -> root.remove("eventId")), "missing eventId"),
                Arguments.of(changed(placed(), root -> root.put("eventId", "order-7")), "eventId is not a UUID: 'order-7'"),
                Arguments.of(changed(placed(), root -> root.put("eventType", "OrderShipped")), "unknown eventType 'OrderShipped'"),
                Arguments.of(changed(placed(), root -> root.put("schemaVersion", 2)), "schemaVersion 2 is not supported (expected 1)"),
                Arguments.of(changed(placed(), root -> root.put("occurredAt", "yesterday")),
                        "occurredAt is not an ISO date-time with offset: 'yesterday'"),
                Arguments.of(changed(placed(), root -> root.remove("customerId")), "missing customerId (null for an anonymous sale)"),
                Arguments.of(changed(placed(), root -> root.put("orderId", "7")), "orderId is not an integer"),
                Arguments.of(changed(placed(), root -> root.remove("data")), "data is missing or not an object"),
                Arguments.of(changed(placed(), root -> data(root).putArray("lines")), "OrderPlaced without lines"),
                Arguments.of(changed(placed(), root -> ((ObjectNode) ((ArrayNode) data(root).get("lines")).get(0)).put("quantity", 0)),
                        "an order line has quantity 0"),
                Arguments.of(changed(placed(), root -> data(root).remove("totalAmount")), "missing totalAmount"),
                Arguments.of(changed(placed(), root -> data(root).put("status", "lost")), "status 'lost' is not one of"),
                Arguments.of(changed(SampleEvents.paymentStatusChanged(EVENT_ID, 42L, 7, "2024-03-01T09:20:00Z", 1, "120.50", "failed", "pending"),
                        root -> data(root).remove("previousStatus")), "missing previousStatus"),
                Arguments.of(changed(SampleEvents.orderStatusChanged(EVENT_ID, 42L, 7, "2024-03-02T08:00:00Z", "cancelled", "pending", "120.50"),
                        root -> data(root).putNull("previousStatus")), "missing previousStatus"));
    }

    /** The parser and the contract agree: each of these breaks the schema, and the parser names what is wrong. */
    @ParameterizedTest
    @MethodSource("malformedEvents")
    void malformedEventIsRejectedWithItsReason(String event, String reason) throws Exception {
        assertThat(contract.validate(JSON.readTree(event))).isNotEmpty();
        assertThatThrownBy(() -> OrderEventParser.parse(event))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith(reason);
    }

    private static ObjectNode data(ObjectNode root) {
        return (ObjectNode) root.get("data");
    }

    private static String changed(String event, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(event);
            change.accept(root);
            return root.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
