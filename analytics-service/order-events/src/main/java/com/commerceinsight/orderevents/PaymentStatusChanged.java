package com.commerceinsight.orderevents;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A payment attempt was added (previousStatus null) or its status changed. Consumers apply the change as a delta
 * from previousStatus to payment.status, so applying events in any order gives the same counts.
 */
public record PaymentStatusChanged(PaymentState payment, String previousStatus) implements OrderEvent.EventData {

    /** The payment attempt's status now. */
    @JsonIgnore
    public String status() {
        return payment.status();
    }
}
