package com.commerceinsight.analytics.suppliers;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One product of a supplier and how it sold in the date range")
public record SupplierProduct(
        long productId,
        String name,
        String sku,
        @Schema(description = "Units in stock now; null where the source has no stock figure") Integer stockQuantity,
        @Schema(description = "Fewer units in stock than lowStockBelow") boolean lowStock,
        @Schema(description = "Units in sales orders of the range") long unitsSold,
        @Schema(description = "Sum of quantity x unit price of those lines") BigDecimal revenue,
        @Schema(description = "Distinct sales orders of the range holding it") long orders,
        @Schema(description = "Mean rating (1-5) of its reviews, whatever the range; null without reviews") Double averageRating,
        long reviews,
        @Schema(description = "Returns of orders placed in the range that hold it") long returns) {
}
