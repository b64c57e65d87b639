package com.commerceinsight.segmentation.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order was placed, with the status of each of its first payment attempts. */
public record OrderPlaced(Instant orderedAt, String status, BigDecimal totalAmount, List<Line> lines,
        List<String> paymentStatuses) implements OrderEvent.EventData {

    public record Line(long productId, int quantity) {
    }
}
