package com.commerceinsight.analytics.orders;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Moves an order to a new status. */
public record OrderStatusRequest(
        @NotNull @Pattern(regexp = "pending|processing|approved|invoiced|shipped|delivered|cancelled",
                message = "must be pending, processing, approved, invoiced, shipped, delivered or cancelled") String status) {
}
