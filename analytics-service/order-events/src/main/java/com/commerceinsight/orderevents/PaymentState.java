package com.commerceinsight.orderevents;

import java.math.BigDecimal;

/** A payment attempt as events carry it. */
public record PaymentState(long paymentId, int sequenceNo, String method, Integer instalments, BigDecimal amount,
        String status) {
}
