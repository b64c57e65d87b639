package com.commerceinsight.orderevents;

import java.math.BigDecimal;

/** An order's status changed (e.g. to delivered or cancelled); the total lets consumers adjust spend without a lookup. */
public record OrderStatusChanged(String status, String previousStatus, BigDecimal totalAmount) implements OrderEvent.EventData {
}
