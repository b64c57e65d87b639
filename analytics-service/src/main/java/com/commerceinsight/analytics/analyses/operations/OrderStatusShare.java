package com.commerceinsight.analytics.analyses.operations;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Orders (kind sale, any status) in one status")
public record OrderStatusShare(String status, long orders,
        @Schema(description = "orders / all orders under the filters") double share,
        @Schema(description = "Sum of their total amounts") BigDecimal amount) {
}
