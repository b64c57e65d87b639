package com.commerceinsight.prediction.events;

import java.math.BigDecimal;

/** An order's status moved from previousStatus to status; totalAmount is the order's total. */
public record OrderStatusChanged(String status, String previousStatus, BigDecimal totalAmount) implements OrderEvent.EventData {
}
