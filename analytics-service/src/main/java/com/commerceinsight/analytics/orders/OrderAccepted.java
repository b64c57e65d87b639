package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.util.UUID;

/** The answer to an accepted order: its id, the event that announces it, the computed total. */
public record OrderAccepted(long orderId, UUID eventId, BigDecimal totalAmount, String status, long paymentId) {
}
