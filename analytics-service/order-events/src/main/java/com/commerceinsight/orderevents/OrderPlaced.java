package com.commerceinsight.orderevents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An order was placed: its lines and its first payment attempt(s). */
public record OrderPlaced(Instant orderedAt, String status, BigDecimal totalAmount, String currency, List<Line> lines,
        List<PaymentState> payments) implements OrderEvent.EventData {

    public record Line(int lineNumber, long productId, Long categoryId, int quantity, BigDecimal unitPrice) {
    }

    /** The status of each payment attempt the order was placed with. */
    @JsonIgnore
    public List<String> paymentStatuses() {
        return payments.stream().map(PaymentState::status).toList();
    }
}
