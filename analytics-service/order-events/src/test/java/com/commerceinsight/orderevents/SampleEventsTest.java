package com.commerceinsight.orderevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The sample messages the services' tests are built from are contract events, read back as written. */
class SampleEventsTest {

    @Test
    void everySampleIsAContractEventWithTheValuesItWasGiven() throws Exception {
        UUID id = UUID.randomUUID();
        OrderEvent placed = OrderEventParser.parse(SampleEvents.orderPlaced(id, 42L, 7, "2024-03-01T09:15:00Z", "pending", "120.50",
                List.of(new SampleEvents.Line(11, 2, "50.25"), new SampleEvents.Line(12, 1, "20.00")), List.of("failed", "succeeded")));
        assertThat(placed.eventId()).isEqualTo(id);
        OrderPlaced data = (OrderPlaced) placed.data();
        assertThat(data.totalAmount()).isEqualTo(new BigDecimal("120.50"));
        assertThat(data.lines()).extracting(OrderPlaced.Line::productId, OrderPlaced.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(11L, 2), org.assertj.core.groups.Tuple.tuple(12L, 1));
        assertThat(data.paymentStatuses()).containsExactly("failed", "succeeded");

        OrderEvent anonymous = OrderEventParser.parse(SampleEvents.orderPlaced(UUID.randomUUID(), null, 8, "2024-03-01T10:00:00Z",
                "pending", "9.99", List.of(new SampleEvents.Line(11, 1, "9.99")), List.of("succeeded")));
        assertThat(anonymous.customerId()).isNull();

        PaymentStatusChanged payment = (PaymentStatusChanged) OrderEventParser.parse(SampleEvents.paymentStatusChanged(
                UUID.randomUUID(), 42L, 7, "2024-03-01T09:20:00Z", 2, "120.50", "succeeded", null)).data();
        assertThat(payment.previousStatus()).isNull();
        assertThat(payment.payment().sequenceNo()).isEqualTo(2);

        OrderStatusChanged status = (OrderStatusChanged) OrderEventParser.parse(SampleEvents.orderStatusChanged(UUID.randomUUID(), 42L,
                7, "2024-03-02T08:00:00Z", "cancelled", "pending", "120.50")).data();
        assertThat(status.previousStatus()).isEqualTo("pending");
    }
}
