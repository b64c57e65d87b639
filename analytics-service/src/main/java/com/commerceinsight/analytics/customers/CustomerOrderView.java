package com.commerceinsight.analytics.customers;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One order of a customer's history with its lines")
public record CustomerOrderView(long orderId,
        @Schema(description = "Order time (UTC)") LocalDateTime orderedAt,
        @Schema(description = "sale, or cancellation (a credit note)") String kind,
        String status,
        BigDecimal totalAmount,
        String currency,
        List<Line> lines) {

    @Schema(description = "An order line with its product's name")
    public record Line(int lineNumber, long productId, String productName, int quantity, BigDecimal unitPrice) {
    }
}
