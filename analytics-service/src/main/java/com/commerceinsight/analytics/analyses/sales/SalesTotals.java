package com.commerceinsight.analytics.analyses.sales;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Total sales: sales orders (not cancelled, unavailable or refunded; see SalesScope) and their revenue")
public record SalesTotals(
        @Schema(description = "Number of sales orders") long orders,
        @Schema(description = "Sum of the sales orders' total amounts") BigDecimal revenue,
        @Schema(description = "Revenue / orders, 2 decimals; null without orders") BigDecimal averageOrderValue) {
}
