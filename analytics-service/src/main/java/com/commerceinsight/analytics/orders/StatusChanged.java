package com.commerceinsight.analytics.orders;

import java.util.UUID;

/** The answer to a status change: the new and the previous status and the event that announces it. */
public record StatusChanged(long orderId, Long paymentId, String status, String previousStatus, UUID eventId) {
}
