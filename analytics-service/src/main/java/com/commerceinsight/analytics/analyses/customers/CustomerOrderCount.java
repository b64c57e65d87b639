package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A customer's sales orders under the filters")
public record CustomerOrderCount(long customerId, String firstName, String lastName,
        @Schema(description = "Sales orders (not cancelled, unavailable or refunded)") long orders,
        @Schema(description = "Sum of their total amounts") BigDecimal revenue,
        @Schema(description = "Time of the latest of them") LocalDateTime lastOrderAt) {
}
