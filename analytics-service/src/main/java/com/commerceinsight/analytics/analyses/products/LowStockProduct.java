package com.commerceinsight.analytics.analyses.products;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A product whose stock is below the threshold")
public record LowStockProduct(long productId, String name, String sku, Long categoryId,
        @Schema(description = "Units in stock now") int stockQuantity) {
}
