package com.commerceinsight.analytics.orders;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Sets a payment attempt's status. */
public record PaymentStatusRequest(
        @NotNull @Pattern(regexp = "pending|succeeded|failed|refunded", message = "must be pending, succeeded, failed or refunded") String status) {
}
