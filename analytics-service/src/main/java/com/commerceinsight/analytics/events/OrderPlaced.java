package com.commerceinsight.analytics.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order was placed: its lines and its first payment attempt(s). */
public record OrderPlaced(Instant orderedAt, String status, BigDecimal totalAmount, String currency, List<Line> lines,
        List<PaymentState> payments) implements OrderEvent.EventData {

    public record Line(int lineNumber, long productId, Long categoryId, int quantity, BigDecimal unitPrice) {
    }
}
