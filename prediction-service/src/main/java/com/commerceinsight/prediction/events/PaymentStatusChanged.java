package com.commerceinsight.prediction.events;

/** A payment attempt was added (previousStatus null) or its status moved from previousStatus to status. */
public record PaymentStatusChanged(String status, String previousStatus) implements OrderEvent.EventData {
}
